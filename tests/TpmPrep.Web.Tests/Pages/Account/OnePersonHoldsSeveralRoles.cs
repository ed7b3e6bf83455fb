using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Account;

/// <summary>A coach who practises, or a hiring manager who is a candidate elsewhere, holds each role they use.</summary>
public sealed partial class OnePersonHoldsSeveralRoles
{
    [Fact]
    public async Task RegisteringAsCoachAndCandidateHoldsBothAndNoRoleIsRequiredTwice()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);
        var response = await client.PostFieldsAsync("/account/register",
        [
            new("Input.DisplayName", "Cora Coach"), new("Input.Email", "cora@example.com"), new("Input.Password", AppClient.Password), new("Input.ConfirmPassword", AppClient.Password),
            new("Input.Roles", AppRoles.Coach), new("Input.Roles", AppRoles.Candidate), new("Input.Roles", AppRoles.Coach),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([AppRoles.Candidate, AppRoles.Coach], (await RolesOfAsync(factory, "cora@example.com")).Order());
        // Practice is open to her as to any candidate.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/practice")).StatusCode);
    }

    [Fact]
    public async Task NoRoleOrAnAdministratorsRoleCannotBeChosenAtRegistration()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);
        var none = await client.PostFieldsAsync("/account/register",
            [new("Input.DisplayName", "No Role"), new("Input.Email", "none@example.com"), new("Input.Password", AppClient.Password), new("Input.ConfirmPassword", AppClient.Password)]);
        var admin = await client.PostFieldsAsync("/account/register",
        [
            new("Input.DisplayName", "Would Be Admin"), new("Input.Email", "admin@example.com"), new("Input.Password", AppClient.Password), new("Input.ConfirmPassword", AppClient.Password),
            new("Input.Roles", AppRoles.Candidate), new("Input.Roles", AppRoles.Admin),
        ]);

        // No boxes ticked posts no roles at all; the form ticks Candidate to start with.
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Tick at least one: practise, interview or coach.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Null(await users.FindByEmailAsync("none@example.com"));
        Assert.Null(await users.FindByEmailAsync("admin@example.com"));
    }

    [Fact]
    public async Task AnAdministratorGivesAndTakesRolesOneByOneAndKeepsTheirOwnAdminRole()
    {
        using var factory = new TpmPrepFactory();
        using var admin = await AppClient.RegisteredAsync(factory, "boss@example.com");
        using var person = await AppClient.RegisteredAsync(factory, "person@example.com");
        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, ["boss@example.com"], TextWriter.Null, TextWriter.Null));
        await admin.PostFormAsync("/account/login", new() { ["Input.Email"] = "boss@example.com", ["Input.Password"] = AppClient.Password });
        var list = await admin.GetHtmlAsync("/admin/users?q=person@");
        var userId = UserIdOnList().Match(list).Groups[1].Value;
        Assert.NotEmpty(userId);

        var both = await admin.PostFieldsAsync("/admin/users", [new("Input.UserId", userId), new("Input.Roles", AppRoles.HiringManager), new("Input.Roles", AppRoles.Candidate)]);
        Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        Assert.Equal([AppRoles.Candidate, AppRoles.HiringManager], (await RolesOfAsync(factory, "person@example.com")).Order());

        var one = await admin.PostFieldsAsync("/admin/users", [new("Input.UserId", userId), new("Input.Roles", AppRoles.HiringManager)]);
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal([AppRoles.HiringManager], await RolesOfAsync(factory, "person@example.com"));
        Assert.Contains(AppRoles.Admin, await RolesOfAsync(factory, "boss@example.com"));
        // The page shows what is held, ticked.
        Assert.Matches("value=\"HiringManager\" checked=\"checked\"", await admin.GetHtmlAsync("/admin/users?q=person@"));
    }

    private static async Task<IList<string>> RolesOfAsync(TpmPrepFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    [GeneratedRegex("name=\"Input.UserId\" value=\"([^\"]+)\"")]
    private static partial Regex UserIdOnList();
}
