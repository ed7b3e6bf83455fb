using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>Spoken answers: kept as a file under the attempt's access rule, played back, limited, exported, removed.</summary>
public sealed partial class SpokenAnswerTests
{
    private const string QuestionId = "risk-known-bug-may-hurt-sales";

    private static readonly byte[] Audio = [.. "OggS"u8, .. Enumerable.Range(0, 5000).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task ARecordingStandsForTheAnswerIsPlayedBackOnlyToThoseWhoMayReadItAndGoesWithTheAttempt()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var dan = await AppClient.RegisteredAsync(factory, "dan@example.com");

        var posted = await PostAnswerAsync(cara, "", Audio, "audio/ogg");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var attemptId = int.Parse(GradeLocation().Match(posted.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var grade = WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/attempts/{attemptId}/grade"));
        Assert.Contains($"<audio controls preload=\"metadata\" src=\"/attempts/{attemptId}?handler=Recording\"", grade, StringComparison.Ordinal);
        Assert.Contains(TpmPrep.Web.Attempts.SpokenAnswer.SpokenOnly, grade, StringComparison.Ordinal);

        var played = await cara.Http.GetAsync($"/attempts/{attemptId}?handler=Recording");
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal("audio/ogg", played.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Audio, await played.Content.ReadAsByteArrayAsync());
        using (var ranged = new HttpRequestMessage(HttpMethod.Get, $"/attempts/{attemptId}?handler=Recording"))
        {
            ranged.Headers.Range = new RangeHeaderValue(0, 3);
            var part = await cara.Http.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal("OggS"u8.ToArray(), await part.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await dan.Http.GetAsync($"/attempts/{attemptId}?handler=Recording")).StatusCode);

        // In the export as base64.
        using (var export = System.Text.Json.JsonDocument.Parse(await cara.Http.GetStringAsync("/account/data?handler=Json")))
        {
            var recording = export.RootElement.GetProperty("attempts")[0].GetProperty("recording");
            Assert.Equal("audio/ogg", recording.GetProperty("contentType").GetString());
            Assert.Equal(Audio, Convert.FromBase64String(recording.GetProperty("base64").GetString()!));
        }

        // Deleting the attempt removes the file.
        var file = Directory.GetFiles(Path.Combine(factory.DataPath, "recordings"), "*.audio", SearchOption.AllDirectories).Single();
        Assert.Equal(Audio, await File.ReadAllBytesAsync(file));
        Assert.Equal(HttpStatusCode.Redirect, (await cara.PostFormAsync($"/attempts/{attemptId}/delete", new())).StatusCode);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task NotAudioOrTooLongIsSaidBesideTheFieldAndNothingIsSaved()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");

        var text = await PostAnswerAsync(cara, "typed too", "not audio"u8.ToArray(), "text/plain");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        var html = WebUtility.HtmlDecode(await text.Content.ReadAsStringAsync());
        Assert.Contains("That file is not audio", html, StringComparison.Ordinal);
        Assert.Contains("typed too</textarea>", html, StringComparison.Ordinal);

        var big = await PostAnswerAsync(cara, "", new byte[AnswerRecordings.MaxBytes + 1], "audio/webm");
        Assert.Contains("A recording is at most 8 MB; this one is 8 MB.", WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await cara.AttemptCountAsync());
        Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "recordings")) && Directory.EnumerateFiles(Path.Combine(factory.DataPath, "recordings"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ATranscriberPluggedInGivesTheAnswerItsWordsAndTheRecordingTravelsToAnotherInstance()
    {
        using var factory = new TranscribingFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var posted = await PostAnswerAsync(cara, "", Audio, "audio/webm;codecs=opus");
        var attemptId = int.Parse(GradeLocation().Match(posted.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("I would size the bug first.", WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/attempts/{attemptId}/grade")), StringComparison.Ordinal);
        var exported = await cara.Http.GetByteArrayAsync("/account/data?handler=Json");

        using var target = new TpmPrepFactory();
        using var newcomer = await AppClient.RegisteredAsync(target, "new@example.com");
        await TpmPrep.Web.Tests.Pages.Account.OwningYourData.ImportAndWaitAsync(newcomer, exported);
        var attempts = await newcomer.GetHtmlAsync("/attempts");
        var imported = Regex.Match(attempts, "href=\"/attempts/(\\d+)\"").Groups[1].Value;
        var played = await newcomer.Http.GetAsync($"/attempts/{imported}?handler=Recording");
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal("audio/webm", played.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Audio, await played.Content.ReadAsByteArrayAsync());

        // Deleting the account removes every recording.
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.PostFormAsync("/account/delete", new() { ["Password"] = AppClient.Password })).StatusCode);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(target.DataPath, "recordings"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ACoachWithTheAttemptsScopeHearsTheSpokenAnswerOnTheirAttemptPage()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var posted = await PostAnswerAsync(cara, "", Audio, "audio/ogg");
        var attemptId = int.Parse(GradeLocation().Match(posted.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await TpmPrep.Web.Tests.Coaching.CoachingTests.AcceptAsync(coach, await TpmPrep.Web.Tests.Coaching.CoachingTests.InviteAsync(cara, "1", "2"));

        var page = await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts/{attemptId}");

        Assert.Contains($"<audio controls preload=\"metadata\" src=\"/attempts/{attemptId}?handler=Recording\" aria-label=\"Their spoken answer\">", page, StringComparison.Ordinal);
        Assert.Equal(Audio, await coach.Http.GetByteArrayAsync($"/attempts/{attemptId}?handler=Recording"));
        Assert.Contains("aria-label=\"Your spoken answer\"", await cara.GetHtmlAsync($"/attempts/{attemptId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMockInterviewIsAnsweredAloudToo()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var session = await TpmPrep.Web.Tests.Pages.Practice.PracticeDriver.StartSessionAsync(cara, new() { ["Input.Count"] = "1", ["Input.Mode"] = "MockInterview" });
        var html = await cara.GetHtmlAsync($"/practice/{session}");
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Recording\" type=\"file\" accept=\"audio/*\"", html, StringComparison.Ordinal);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(""), "Input.Answer" },
            { new StringContent(Html.Parse(html).ValueOf("Position")!), "Position" },
            { new StringContent("false"), "Overtime" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Audio);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("audio/webm");
        form.Add(file, "Recording", "spoken-answer.webm");
        var posted = await cara.Http.PostAsync($"/practice/{session}", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var attemptId = GradeLocation().Match(posted.Headers.Location!.OriginalString).Groups[1].Value;
        Assert.Equal(Audio, await cara.Http.GetByteArrayAsync($"/attempts/{attemptId}?handler=Recording"));
    }

    private static async Task<HttpResponseMessage> PostAnswerAsync(AppClient client, string answer, byte[] audio, string contentType)
    {
        var page = await client.GetHtmlAsync($"/questions/{QuestionId}");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(answer), "Input.Answer" },
            { new StringContent("60"), "Input.TimeTakenSeconds" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "Recording", "spoken-answer.webm");
        return await client.Http.PostAsync($"/questions/{QuestionId}", form);
    }

    private sealed class TranscribingFactory : TpmPrepFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ITranscriber>(new FixedTranscriber()));
        }
    }

    private sealed class FixedTranscriber : ITranscriber
    {
        public Task<string?> TranscribeAsync(Stream audio, string contentType, CancellationToken cancellationToken) => Task.FromResult<string?>("I would size the bug first.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"^/attempts/(\d+)/grade$")]
    private static partial Regex GradeLocation();
}
