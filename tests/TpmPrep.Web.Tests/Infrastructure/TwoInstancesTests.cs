using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// Two app instances on one database, as behind a load balancer: what one issues the other accepts, and
/// writers spread over both lose nothing. On PostgreSQL the instances share nothing but the database (each
/// has its own data folder, so the key ring comes from the database); on SQLite they share the data folder.
/// </summary>
public sealed partial class TwoInstancesOnOneDatabase(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    /// <summary>Two instances started at the same moment on an empty database both come up: one migrates and seeds, the other waits and finds it done.</summary>
    [Fact]
    public async Task InstancesStartingTogetherOnAnEmptyDatabaseBothComeUp()
    {
        using var first = new TpmPrepFactory();
        using var second = new SecondInstance(first);
        using var third = new SecondInstance(first);

        await Task.WhenAll(new[] { first, second, third }.Select(instance => Task.Run(() => instance.Server)));

        foreach (var instance in new[] { first, second, third })
        {
            using var client = instance.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
    }

    [Fact]
    public async Task ACookieAndAFormFromOneInstanceWorkOnTheOther()
    {
        using var first = new TpmPrepFactory();
        using var second = new SecondInstance(first);
        using var one = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var two = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = new Dictionary<string, string>();

        // Register on the first instance.
        var (registerToken, _) = await FormAsync(one, "/account/register", cookies);
        var registered = await PostAsync(one, "/account/register", cookies, new()
        {
            ["Input.DisplayName"] = "Balanced", ["Input.Email"] = "balanced@example.com", ["Input.Password"] = AppClient.Password,
            ["Input.ConfirmPassword"] = AppClient.Password, ["Input.Roles"] = "Candidate", ["__RequestVerificationToken"] = registerToken,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // The second instance knows the cookie...
        var attempts = await SendAsync(two, HttpMethod.Get, "/attempts", cookies);
        Assert.Equal(HttpStatusCode.OK, attempts.StatusCode);
        Assert.Contains("You have not answered", await attempts.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // ... and takes a form loaded from the first.
        var (answerToken, _) = await FormAsync(one, $"/questions/{QuestionId}", cookies);
        var answered = await PostAsync(two, $"/questions/{QuestionId}", cookies, new() { ["Input.Answer"] = "Answered across instances.", ["Input.TimeTakenSeconds"] = "60", ["__RequestVerificationToken"] = answerToken });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(1, AppClient.AttemptCount(await (await SendAsync(one, HttpMethod.Get, "/attempts", cookies)).Content.ReadAsStringAsync()));
    }

    /// <summary>Sixteen candidates answer as fast as they can, each request to the other instance than the last.</summary>
    [Fact]
    public async Task SixteenWritersOverBothInstancesLoseNothing()
    {
        using var first = new TpmPrepFactory();
        using var second = new SecondInstance(first);
        using var one = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var two = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        HttpClient[] instances = [one, two];
        // TPMPREP_LOAD_SECONDS=30 turns the test into the load measurement; by default each writer answers ten times.
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("TPMPREP_LOAD_SECONDS"), out var s) ? s : 0;
        const int writers = 16;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();

        var acknowledged = await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var cookies = new Dictionary<string, string>();
            var (registerToken, _) = await FormAsync(instances[writer % 2], "/account/register", cookies);
            var registered = await PostAsync(instances[writer % 2], "/account/register", cookies, new()
            {
                ["Input.DisplayName"] = $"Writer {writer}", ["Input.Email"] = $"writer-{writer}@example.com", ["Input.Password"] = AppClient.Password,
                ["Input.ConfirmPassword"] = AppClient.Password, ["Input.Roles"] = "Candidate", ["__RequestVerificationToken"] = registerToken,
            });
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            var count = 0;
            for (var n = 0; seconds > 0 ? watch.Elapsed < TimeSpan.FromSeconds(seconds) : n < 10; n++)
            {
                // The form from one instance, the answer to the other.
                var (token, _) = await FormAsync(instances[n % 2], $"/questions/{QuestionId}", cookies);
                var started = Stopwatch.GetTimestamp();
                var posted = await PostAsync(instances[(n + 1) % 2], $"/questions/{QuestionId}", cookies, new() { ["Input.Answer"] = $"writer {writer} answer {n}", ["Input.TimeTakenSeconds"] = "30", ["__RequestVerificationToken"] = token });
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
                count++;
            }

            return count;
        }));

        using var scope = first.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attempts.AsNoTracking().GroupBy(a => a.UserId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(writers, stored.Count);
        Assert.Equal(acknowledged.Sum(), stored.Sum());
        var sorted = latencies.Order().ToList();
        output.WriteLine($"{first.Database.Provider}: {acknowledged.Sum()} answers by {writers} writers over 2 instances in {watch.Elapsed.TotalSeconds:F1} s, "
            + $"none lost; answer latency p50 {sorted[sorted.Count / 2]:F0} ms, p90 {sorted[sorted.Count * 9 / 10]:F0} ms, p99 {sorted[sorted.Count * 99 / 100]:F0} ms, max {sorted[^1]:F0} ms");
    }

    private static async Task<(string Token, HttpResponseMessage Page)> FormAsync(HttpClient http, string url, Dictionary<string, string> cookies)
    {
        var page = await SendAsync(http, HttpMethod.Get, url, cookies);
        var html = await page.Content.ReadAsStringAsync();
        return (WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value), page);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, Dictionary<string, string> cookies, Dictionary<string, string> form) =>
        SendAsync(http, HttpMethod.Post, url, cookies, new FormUrlEncodedContent(form));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, Dictionary<string, string> cookies, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await http.SendAsync(request);
        Remember(response, cookies);
        return response;
    }

    private static void Remember(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Another instance on the first one's database; on SQLite also on its data folder, where the file lives.</summary>
    private sealed class SecondInstance(TpmPrepFactory first) : TpmPrepFactory(first.Database.Provider, first.Database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (first.Database.Provider == DatabaseProvider.Sqlite)
            {
                builder.UseSetting("TpmPrep:DataPath", first.DataPath);
            }
        }
    }
}
