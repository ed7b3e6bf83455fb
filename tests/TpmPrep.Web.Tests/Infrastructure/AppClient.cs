using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, and posts forms with their antiforgery token.</summary>
public sealed partial class AppClient(TpmPrepFactory factory) : IDisposable
{
    public const string Password = "practice-hard-2026";

    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The log-in cookie ("tpmprep.auth=...") the last log-in or registration through a form set, to replay elsewhere.</summary>
    public string? AuthCookieHeader { get; private set; }

    /// <summary>The e-mail the client registered with, when it did.</summary>
    public string? Email { get; private set; }

    public static async Task<AppClient> RegisteredAsync(TpmPrepFactory factory, string? email = null, string role = "Candidate")
    {
        var client = new AppClient(factory) { Email = email ?? $"user-{Guid.NewGuid():N}@example.com" };
        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Test Person",
            ["Input.Email"] = client.Email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.Roles"] = role,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/> (the same page by default).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string formPage, Dictionary<string, string> fields, string? action = null) =>
        PostFieldsAsync(formPage, fields, action);

    /// <summary>As <see cref="PostFormAsync"/>, with fields that may repeat a name (ticked checkboxes).</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await Http.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formPage} ({(int)page.StatusCode})");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))).ToList();
        var response = await Http.PostAsync(action ?? formPage, new FormUrlEncodedContent(form));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith("tpmprep.auth=", StringComparison.Ordinal)) is { } auth)
        {
            AuthCookieHeader = auth.Split(';')[0];
        }

        return response;
    }

    /// <summary>Answers a question and returns the new attempt's id (from the redirect to its grading page).</summary>
    public async Task<int> AnswerAsync(string questionId, string answer = "I would stage the rollout behind canaries.", int seconds = 300)
    {
        var response = await PostFormAsync($"/questions/{questionId}", new()
        {
            ["Input.Answer"] = answer,
            ["Input.TimeTakenSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = GradeLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many attempts the list of attempts says the user has made.</summary>
    public async Task<int> AttemptCountAsync() => AttemptCount(await GetHtmlAsync("/attempts"));

    /// <summary>The count the list of attempts states ("2 attempts, newest first"), or 0 where it says there are none.</summary>
    public static int AttemptCount(string attemptsPage)
    {
        ArgumentNullException.ThrowIfNull(attemptsPage);
        if (attemptsPage.Contains("You have not answered any question yet.", StringComparison.Ordinal))
        {
            return 0;
        }

        var count = AttemptTotal().Match(attemptsPage);
        Assert.True(count.Success, "the list of attempts states no count");
        return int.Parse(count.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"^/attempts/(\d+)/grade$")]
    private static partial Regex GradeLocation();

    [GeneratedRegex(@"(?<![0-9,])([0-9][0-9,]*) attempts?, newest first")]
    private static partial Regex AttemptTotal();
}
