using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Account;

/// <summary>Log-in says nothing about which e-mails have accounts, and no one can lock an owner out from one address.</summary>
public sealed class LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut
{
    private const string WrongMessage = "The email or password is wrong.";

    [Fact]
    public async Task AnUnknownEmailAndAWrongPasswordGetTheSameAnswerAfterTheSameWork()
    {
        using var factory = new CountingHasherFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "known@example.com");
        using var visitor = new AppClient(factory);

        var unknown = await AttemptAsync(factory, visitor, "nobody@example.com", "wrong-password-123", "10.0.0.1", out var unknownChecks);
        var wrong = await AttemptAsync(factory, visitor, "known@example.com", "wrong-password-123", "10.0.0.2", out var wrongChecks);

        Assert.Equal(WrongMessage, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(1, unknownChecks());
        Assert.Equal(1, wrongChecks());
    }

    [Fact]
    public async Task APausedEmailGetsTheSameAnswerWhetherItHasAnAccountOrNot()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "paused@example.com");
        using var visitor = new AppClient(factory);

        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { "paused@example.com", "ghost@example.com" })
        {
            answers[email] = [];
            for (var i = 0; i < LoginThrottle.FailuresPerAddress + 2; i++)
            {
                answers[email].Add(await LoginAsync(visitor, email, "not-the-password-1", "10.0.0.9"));
            }
        }

        Assert.Equal(answers["paused@example.com"], answers["ghost@example.com"]);
        Assert.Equal(WrongMessage, answers["ghost@example.com"][0]);
        Assert.StartsWith("Too many failed log-ins for this email from your network", answers["ghost@example.com"][^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyFailuresFromOneAddressDoNotStopTheOwnerLoggingInFromTheirs()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "victim@example.com");
        using var attacker = new AppClient(factory);

        for (var i = 0; i < 40; i++)
        {
            await LoginAsync(attacker, "victim@example.com", $"guess-{i}-password", "203.0.113.7");
        }

        using var ownerAgain = new AppClient(factory);
        var response = await PostLoginAsync(ownerAgain, "victim@example.com", AppClient.Password, "198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("Too many failed log-ins", await LoginAsync(attacker, "victim@example.com", AppClient.Password, "203.0.113.7"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyFailuresFromManyAddressesLockTheAccount()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "target@example.com");
        using var attackers = new AppClient(factory);
        var addresses = AccountRules.FailuresThatLockTheAccount / LoginThrottle.FailuresPerAddress;

        for (var a = 0; a < addresses; a++)
        {
            for (var i = 0; i < LoginThrottle.FailuresPerAddress; i++)
            {
                await LoginAsync(attackers, "target@example.com", "wrong-password-1", $"192.0.2.{a + 1}");
            }
        }

        // Locked now, and it says so to no one: the right password gets the same answer as a wrong one.
        Assert.Equal(WrongMessage, await LoginAsync(new AppClient(factory), "target@example.com", AppClient.Password, "198.51.100.1"));
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("target@example.com"))!));
    }

    private static Task<string> AttemptAsync(CountingHasherFactory factory, AppClient client, string email, string password, string address, out Func<int> checks)
    {
        factory.Hasher.Reset();
        var counter = factory.Hasher;
        checks = () => counter.Verifications;
        return LoginAsync(client, email, password, address);
    }

    internal static async Task<string> LoginAsync(AppClient client, string email, string password, string address)
    {
        var response = await PostLoginAsync(client, email, password, address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var message = System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]*)</li>");
        Assert.True(message.Success, "no error message on the log-in page");
        return WebUtility.HtmlDecode(message.Groups[1].Value);
    }

    internal static async Task<HttpResponseMessage> PostLoginAsync(AppClient client, string email, string password, string address)
    {
        client.Http.DefaultRequestHeaders.Remove(TpmPrepFactory.ClientAddressHeader);
        client.Http.DefaultRequestHeaders.Add(TpmPrepFactory.ClientAddressHeader, address);
        return await client.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>The app with a password hasher that counts its checks: the work a log-in does, without timing it.</summary>
    private sealed class CountingHasherFactory : TpmPrepFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
        }
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Passwords attackers try first are refused with the reason; a password can be changed and reset.</summary>
public sealed class PasswordsThatAreHardToGuessAndEasyToReplace
{
    [Theory]
    [InlineData("password12", "one of the most common ones")]
    [InlineData("Password12", "one of the most common ones")]
    [InlineData("dragon2026!", "one of the most common ones")]
    [InlineData("qwertyuiop1", "one of the most common ones")]
    [InlineData("kim.lee.example-2026", "must not contain your e-mail address or your name")]
    [InlineData("xx-kimberly-lee-xx9", "must not contain your e-mail address or your name")]
    public async Task AGuessablePasswordIsRefusedWithTheReason(string password, string reason)
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);

        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Kimberly Lee",
            ["Input.Email"] = "kim.lee.example@example.com",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.Roles"] = "Candidate",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedListHoldsThousandsOfPasswords() => Assert.InRange(PasswordRules.CommonPasswordCount, 9_000, 10_000);

    [Fact]
    public async Task ChangingThePasswordEndsTheOtherSessionsAndKeepsThisOne()
    {
        using var factory = new TpmPrepFactory();
        using var here = await AppClient.RegisteredAsync(factory, "changer@example.com");
        using var elsewhere = new AppClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(elsewhere, "changer@example.com", AppClient.Password, "10.1.1.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Http.GetAsync("/attempts")).StatusCode);

        var changed = await here.PostFormAsync("/account/password", new()
        {
            ["Input.CurrentPassword"] = AppClient.Password,
            ["Input.NewPassword"] = "a-brand-new-secret-42",
            ["Input.ConfirmPassword"] = "a-brand-new-secret-42",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        factory.Clock.Advance(AccountRules.SessionCheckInterval + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, (await here.Http.GetAsync("/attempts")).StatusCode);
        var gone = await elsewhere.Http.GetAsync("/attempts");
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.StartsWith("http://localhost/account/login", gone.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(new AppClient(factory), "changer@example.com", "a-brand-new-secret-42", "10.1.1.2")).StatusCode);
    }

    [Fact]
    public async Task AWrongCurrentPasswordChangesNothing()
    {
        using var factory = new TpmPrepFactory();
        using var client = await AppClient.RegisteredAsync(factory, "careful-changer@example.com");

        var response = await client.PostFormAsync("/account/password", new()
        {
            ["Input.CurrentPassword"] = "not-my-password-9",
            ["Input.NewPassword"] = "a-brand-new-secret-42",
            ["Input.ConfirmPassword"] = "a-brand-new-secret-42",
        });

        Assert.Contains("That is not your current password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(new AppClient(factory), "careful-changer@example.com", AppClient.Password, "10.2.2.2")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorsResetLinkWorksOnceAndThenNoMore()
    {
        using var factory = new TpmPrepFactory();
        using var forgetful = await AppClient.RegisteredAsync(factory, "forgetful@example.com");
        var link = await ResetLinkAsync(factory, "forgetful@example.com");
        using var browser = new AppClient(factory);

        Assert.Contains("For <strong>forgetful@example.com</strong>", await browser.GetHtmlAsync(link), StringComparison.Ordinal);
        var reset = await browser.PostFormAsync(link, new() { ["Input.NewPassword"] = "remembered-at-last-7", ["Input.ConfirmPassword"] = "remembered-at-last-7" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Your password is set.", await browser.GetHtmlAsync(reset.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await LoggingInRevealsNothingAndCannotBeUsedToLockSomeoneOut.PostLoginAsync(new AppClient(factory), "forgetful@example.com", "remembered-at-last-7", "10.3.3.3")).StatusCode);
        Assert.Contains(PasswordResets.ExpiredMessage, await browser.GetHtmlAsync(link), StringComparison.Ordinal);
        var again = await browser.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.NewPassword"] = "hijacked-password-1" }));
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task AResetLinkExpiresAfterADayAndARefusedPasswordDoesNotUseItUp()
    {
        using var factory = new TpmPrepFactory();
        using var forgetful = await AppClient.RegisteredAsync(factory, "late@example.com");
        var link = await ResetLinkAsync(factory, "late@example.com");
        using var browser = new AppClient(factory);

        var refused = await browser.PostFormAsync(link, new() { ["Input.NewPassword"] = "password12", ["Input.ConfirmPassword"] = "password12" });
        Assert.Contains("one of the most common ones", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("For <strong>late@example.com</strong>", await browser.GetHtmlAsync(link), StringComparison.Ordinal);

        factory.Clock.Advance(PasswordResets.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Contains(PasswordResets.ExpiredMessage, await browser.GetHtmlAsync(link), StringComparison.Ordinal);
    }

    private static async Task<string> ResetLinkAsync(TpmPrepFactory factory, string email)
    {
        using var output = new StringWriter();
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(0, await ResetLinkCommand.RunAsync(factory.Services, configuration, [email], output, TextWriter.Null));
        var url = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        Assert.StartsWith("http://localhost:5080/account/reset-password?token=", url, StringComparison.Ordinal);
        return url["http://localhost:5080".Length..];
    }
}
