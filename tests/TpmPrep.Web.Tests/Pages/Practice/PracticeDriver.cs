using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TpmPrep.Content.Model;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Practice;

/// <summary>Intent methods for sessions over HTTP, shared by the practice tests.</summary>
internal static partial class PracticeDriver
{
    public static ContentCatalogue Catalogue(TpmPrepFactory factory) => factory.Services.GetRequiredService<CatalogueProvider>().Current;

    public static async Task<int> StartSessionAsync(AppClient client, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var response = await PostStartAsync(client, fields, repeated);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(SessionLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> PostStartAsync(AppClient client, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var page = await client.GetHtmlAsync("/practice");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = fields.Concat(repeated ?? []).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        return await client.Http.PostAsync("/practice", new FormUrlEncodedContent(form));
    }

    /// <summary>Answers the session's current question; returns the attempt id from the redirect to grading.</summary>
    public static async Task<int> AnswerCurrentAsync(AppClient client, int sessionId, string answer = "A structured answer.")
    {
        var html = await client.GetHtmlAsync($"/practice/{sessionId}");
        var position = Html.Parse(html).ValueOf("Position")!;
        var response = await client.PostFormAsync($"/practice/{sessionId}", new() { ["Input.Answer"] = answer, ["Position"] = position, ["Overtime"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(GradeLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> GradeAsync(AppClient client, Question question, int attemptId, int score) =>
        await client.PostFormAsync($"/attempts/{attemptId}/grade", Enumerable.Range(0, question.Rubric.Count).ToDictionary(i => $"Input.Scores[{i}]", _ => score.ToString(CultureInfo.InvariantCulture)));

    public static string CurrentQuestionId(string sessionHtml, ContentCatalogue catalogue)
    {
        var title = WebUtility.HtmlDecode(Regex.Match(sessionHtml, "<h1>(.*?)</h1>").Groups[1].Value);
        return catalogue.Questions.Single(q => q.Title == title).Id;
    }

    [GeneratedRegex(@"^/practice/(\d+)$")]
    private static partial Regex SessionLocation();

    [GeneratedRegex(@"^/attempts/(\d+)/grade$")]
    private static partial Regex GradeLocation();
}
