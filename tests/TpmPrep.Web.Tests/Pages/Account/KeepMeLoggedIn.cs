using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Account;

/// <summary>"Keep me logged in" ticked keeps the session across browser restarts; unticked, it ends with the browser.</summary>
public sealed class KeepMeLoggedIn
{
    [Theory]
    [InlineData(new[] { "true", "false" }, true)]
    [InlineData(new[] { "false" }, false)]
    public async Task TheSessionCookieLastsOnlyWhenAskedTo(string[] posted, bool persistent)
    {
        using var factory = new TpmPrepFactory();
        using (await AppClient.RegisteredAsync(factory, "keeper@example.com"))
        {
        }

        using var browser = new AppClient(factory);
        var fields = new List<KeyValuePair<string, string>> { new("Input.Email", "keeper@example.com"), new("Input.Password", AppClient.Password) };
        fields.AddRange(posted.Select(value => new KeyValuePair<string, string>("Input.RememberMe", value)));
        var response = await browser.PostFieldsAsync("/account/login", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tpmprep.auth=", StringComparison.Ordinal));
        Assert.Equal(persistent, cookie.Contains("expires=", StringComparison.OrdinalIgnoreCase));
    }
}
