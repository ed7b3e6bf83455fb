using System.Net;
using Microsoft.AspNetCore.Hosting;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Tests.Pages.Account;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>Behind a reverse proxy the app sees the client, not the proxy: its address, and whether it used HTTPS.</summary>
public sealed class BehindAProxyTheClientIsSeen
{
    private const string Proxy = "10.9.9.9";

    [Fact]
    public async Task ThroughAKnownProxyEachClientIsPausedOnItsOwn()
    {
        using var factory = new ProxiedFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "proxied@example.com");
        using var attacker = Through(factory, "203.0.113.5");
        for (var i = 0; i < LoginThrottle.FailuresPerAddress; i++)
        {
            await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(attacker, "proxied@example.com", $"wrong-{i}-password", Proxy);
        }

        using var ownerAgain = Through(factory, "198.51.100.7");
        var ownerLogin = await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(ownerAgain, "proxied@example.com", AppClient.Password, Proxy);
        var attackerAgain = await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.LoginAsync(attacker, "proxied@example.com", AppClient.Password, Proxy);

        Assert.Equal(HttpStatusCode.Redirect, ownerLogin.StatusCode);
        Assert.StartsWith("Too many failed log-ins", attackerAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAnUnknownAddressTheForwardedHeaderIsIgnored()
    {
        using var factory = new ProxiedFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "spoofed@example.com");
        for (var i = 0; i < LoginThrottle.FailuresPerAddress; i++)
        {
            // A different forged client address each time, from one sender that is no proxy of ours.
            using var forger = Through(factory, $"192.0.2.{i + 1}");
            await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(forger, "spoofed@example.com", $"wrong-{i}-password", "10.1.2.3");
        }

        using var last = Through(factory, "192.0.2.200");
        Assert.StartsWith("Too many failed log-ins", await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.LoginAsync(last, "spoofed@example.com", AppClient.Password, "10.1.2.3"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientOnHttpsGetsSecureCookiesAndHsts()
    {
        using var factory = new ProxiedFactory();
        using var https = Through(factory, "198.51.100.9", proto: "https");
        using var http = Through(factory, "198.51.100.10", proto: "http");

        var secure = await RegisterAsync(https, "https-user@example.com");
        var plain = await RegisterAsync(http, "http-user@example.com");

        Assert.Contains(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tpmprep.auth=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static AppClient Through(TpmPrepFactory factory, string client, string? proto = null)
    {
        var app = new AppClient(factory);
        app.Http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        if (proto is not null)
        {
            app.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
            // HSTS is never sent to localhost, so play a real host name.
            app.Http.DefaultRequestHeaders.Host = "tpmprep.example.org";
        }

        app.Http.DefaultRequestHeaders.Add(TpmPrepFactory.ClientAddressHeader, Proxy);
        return app;
    }

    private static Task<HttpResponseMessage> RegisterAsync(AppClient client, string email) =>
        client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Proxied Person",
            ["Input.Email"] = email,
            ["Input.Password"] = AppClient.Password,
            ["Input.ConfirmPassword"] = AppClient.Password,
            ["Input.Roles"] = "Candidate",
        });

    private sealed class ProxiedFactory : TpmPrepFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("TpmPrep:ForwardedHeaders:KnownProxies:0", Proxy);
        }
    }
}
