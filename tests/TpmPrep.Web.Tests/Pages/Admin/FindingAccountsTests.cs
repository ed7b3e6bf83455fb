using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Admin;

/// <summary>E-mail log-in and the administrator's search ignore case, and find the same people on SQLite and PostgreSQL.</summary>
public sealed class FindingAccountsIgnoresCaseOnEveryDatabase
{
    [Fact]
    public async Task AnEmailLogsInWhateverItsCase()
    {
        using var factory = new TpmPrepFactory();
        using var registered = await AppClient.RegisteredAsync(factory, "Mixed.Case@Example.com");
        using var client = new AppClient(factory);

        var login = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = "mixed.CASE@example.COM", ["Input.Password"] = AppClient.Password });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task SearchFindsEmailsAndNamesInAnyCaseAPageAtATime()
    {
        using var factory = new TpmPrepFactory();
        using var admin = await AppClient.RegisteredAsync(factory, "root@example.com");
        Assert.Equal(0, await TpmPrep.Web.Accounts.AdminCommand.RunAsync(factory.Services, ["root@example.com"], TextWriter.Null, TextWriter.Null));
        using var adminAgain = new AppClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await adminAgain.PostFormAsync("/account/login", new() { ["Input.Email"] = "root@example.com", ["Input.Password"] = AppClient.Password })).StatusCode);
        using var emile = await RegisterAsync(factory, "Émile Zola", "e.zola@example.org");
        using var grace = await RegisterAsync(factory, "Grace Hopper", "Grace.H@Example.org");
        for (var i = 0; i < 55; i++)
        {
            (await RegisterAsync(factory, $"Filler {i}", $"filler-{i:00}@example.net")).Dispose();
        }

        Assert.Contains("e.zola@example.org", await adminAgain.GetHtmlAsync("/admin/users?q=%C3%A9MILE"), StringComparison.Ordinal);
        var byEmail = await adminAgain.GetHtmlAsync("/admin/users?q=grace.h%40EXAMPLE");
        Assert.Contains("1 account matching", byEmail, StringComparison.Ordinal);
        Assert.Contains("Grace Hopper", byEmail, StringComparison.Ordinal);
        var fillers = System.Net.WebUtility.HtmlDecode(await adminAgain.GetHtmlAsync("/admin/users?q=FILLER"));
        Assert.Contains("55 accounts matching “FILLER”, page 1 of 2", fillers, StringComparison.Ordinal);
        Assert.Contains("filler-00@example.net", fillers, StringComparison.Ordinal);
        Assert.DoesNotContain("filler-50@example.net", fillers, StringComparison.Ordinal);
        Assert.Contains("filler-54@example.net", await adminAgain.GetHtmlAsync("/admin/users?q=filler&p=2"), StringComparison.Ordinal);
    }

    private static async Task<AppClient> RegisterAsync(TpmPrepFactory factory, string name, string email)
    {
        var client = new AppClient(factory);
        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = AppClient.Password, ["Input.ConfirmPassword"] = AppClient.Password, ["Input.Roles"] = "Candidate",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
