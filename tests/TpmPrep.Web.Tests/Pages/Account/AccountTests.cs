using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Account;

public sealed class AccountsRegisterLogInAndLockOut
{
    [Fact]
    public async Task RegisteredUserCanLogOutAndLogInAgain()
    {
        using var factory = new TpmPrepFactory();
        var email = "candidate@example.com";
        using var first = await AppClient.RegisteredAsync(factory, email);
        Assert.Contains(email, await first.GetHtmlAsync("/"), StringComparison.Ordinal);

        var logout = await first.PostFormAsync("/", [], action: "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.Http.GetAsync("/attempts")).StatusCode);

        var login = await first.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = AppClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/attempts")).StatusCode);
    }

    [Fact]
    public async Task RegistrationRefusesBadInputWithMessages()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);

        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = new string('n', 81),
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
            ["Input.Roles"] = "Admin",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your name can be at most 80 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Enter a valid email address.", html, StringComparison.Ordinal);
        Assert.Contains("The password must be 10 to 128 characters long.", html, StringComparison.Ordinal);
        Assert.Contains("The two passwords do not match.", html, StringComparison.Ordinal);
        Assert.Contains("Tick at least one: practise, interview or coach.", html, StringComparison.Ordinal);
    }

    /// <summary>Five wrong passwords pause the e-mail from that client, even for the right password; the account itself is not locked (LoginSecurityTests).</summary>
    [Fact]
    public async Task FiveWrongPasswordsPauseTheEmailFromThatClient()
    {
        using var factory = new TpmPrepFactory();
        var email = "locked@example.com";
        (await AppClient.RegisteredAsync(factory, email)).Dispose();
        using var attacker = new AppClient(factory);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await attacker.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await attacker.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = AppClient.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed log-ins for this email from your network: try again in 15 minutes.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogInPostsAreRateLimitedPerClient()
    {
        using var factory = new TpmPrepFactory { LoginPermitsPerMinute = 3 };
        using var client = new AppClient(factory);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = $"nobody{i}@example.com", ["Input.Password"] = "whatever-it-is" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AdminChangesARoleAndOthersCannot()
    {
        using var factory = new TpmPrepFactory();
        using var admin = await AppClient.RegisteredAsync(factory, "admin@example.com");
        using var candidate = await AppClient.RegisteredAsync(factory, "coachee@example.com");
        Assert.Equal(0, await TpmPrep.Web.Accounts.AdminCommand.RunAsync(factory.Services, ["admin@example.com"], TextWriter.Null, TextWriter.Null));
        var login = await admin.PostFormAsync("/account/login", new() { ["Input.Email"] = "admin@example.com", ["Input.Password"] = AppClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var forbidden = await candidate.Http.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/account/access-denied", forbidden.Headers.Location!.ToString(), StringComparison.Ordinal);

        var users = await admin.GetHtmlAsync("/admin/users");
        var userId = System.Text.RegularExpressions.Regex.Match(users, "name=\"Input.UserId\" value=\"([^\"]+)\">\\s*<fieldset class=\"role-choices\">\\s*<legend class=\"visually-hidden\">Roles of coachee@example.com").Groups[1].Value;
        Assert.NotEmpty(userId);
        var change = await admin.PostFormAsync("/admin/users", new() { ["Input.UserId"] = userId, ["Input.Roles"] = "Coach" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        using var scope = factory.Services.CreateScope();
        var userManager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TpmPrep.Web.Data.AppUser>>();
        var user = await userManager.FindByEmailAsync("coachee@example.com");
        Assert.Equal(["Coach"], await userManager.GetRolesAsync(user!));
    }
}
