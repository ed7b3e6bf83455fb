using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Account;

public sealed class OwningYourData
{
    [Fact]
    public async Task AnExportImportedIntoAnotherInstanceRestoresEverything()
    {
        using var source = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(source, "mover@example.com");
        await SeedHistoryAsync(source, "mover@example.com", attempts: 40);
        var exported = await candidate.Http.GetByteArrayAsync("/account/data?handler=Json");

        using var target = new TpmPrepFactory();
        using var newcomer = await AppClient.RegisteredAsync(target);
        var html = await ImportAndWaitAsync(newcomer, exported);
        Assert.Contains("Imported 40 attempts", html, StringComparison.Ordinal);
        Assert.Contains(", 2 assessments and 1 session; skipped 0 already there.", html, StringComparison.Ordinal);

        var reexported = await newcomer.Http.GetByteArrayAsync("/account/data?handler=Json");
        Assert.Equal(Comparable(exported), Comparable(reexported));
        Assert.Equal(40, await newcomer.AttemptCountAsync());
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceAddsNothingAndOverwritesNothing()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "twice@example.com");
        await SeedHistoryAsync(factory, "twice@example.com", attempts: 10);
        var exported = await candidate.Http.GetByteArrayAsync("/account/data?handler=Json");
        var before = Comparable(exported);

        var again = await ImportAndWaitAsync(candidate, exported);

        Assert.Contains("Imported 0 attempts", again, StringComparison.Ordinal);
        Assert.Equal(before, Comparable(await candidate.Http.GetByteArrayAsync("/account/data?handler=Json")));
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "not json at all", "This is not a TpmPrep export: the JSON is malformed (line 1)." },
        { "{\"format\": \"something-else\", \"version\": 1}", "\"format\" should be \"tpmprep-export\"" },
        { "{\"format\": \"tpmprep-export\", \"version\": 5}", "This export is version 5; this TpmPrep reads versions 1 to 4." },
        { "{\"format\": \"tpmprep-export\", \"version\": 4, \"lists\": [{\"name\": \"  \", \"questionIds\": []}]}", "lists[0].name: Give the list a name" },
        { "{\"format\": \"tpmprep-export\", \"version\": 4, \"lists\": [{\"name\": \"Risk\", \"questionIds\": [\"<script>\"]}]}", "lists[0].questionIds: every entry must be a question id." },
        { "{\"format\": \"tpmprep-export\", \"version\": 4, \"lists\": [{\"bookmarks\": true}, {\"bookmarks\": true}]}", "lists: more than one is marked as the bookmarks." },
        { "{\"format\": \"tpmprep-export\", \"version\": 2, \"attempts\": [{\"questionId\": \"my-1\", \"answer\": \"x\", \"createdUtc\": \"2026-01-01T00:00:00Z\"}]}", "attempts[0].questionId: my-1 is written in the app but not among the questions in this file." },
        { "{\"format\": \"tpmprep-export\"}", "This export is version (missing)" },
        { "{\"format\": \"tpmprep-export\", \"version\": 1, \"attempts\": [{\"answer\": \"x\", \"createdUtc\": \"2026-01-01T00:00:00Z\"}]}", "attempts[0].questionId: missing or not an id." },
        { "{\"format\": \"tpmprep-export\", \"version\": 1, \"attempts\": [{\"questionId\": \"q-one\", \"answer\": \"x\", \"createdUtc\": \"2026-01-01T00:00:00Z\", \"scores\": [{\"criterionIndex\": 0, \"score\": 9}]}]}", "attempts[0].scores: every score needs a criterionIndex (0-19), levels from 3 to 5 (4 if absent) and a score from 1 to its levels." },
        { "{\"format\": \"tpmprep-export\", \"version\": 1, \"sessions\": [{\"mode\": \"Practice\", \"createdUtc\": \"2026-01-01T00:00:00Z\", \"items\": [{\"position\": 1, \"questionId\": \"q-one\", \"attemptRef\": 5}]}]}", "sessions[0].items: an attemptRef points at no attempt in the file." },
        { "[1, 2, 3]", "This is not a TpmPrep export: the JSON is malformed" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task AMalformedImportIsExplainedAndChangesNothing(string content, string message)
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "careful@example.com");
        await SeedHistoryAsync(factory, "careful@example.com", attempts: 5);
        var before = Comparable(await candidate.Http.GetByteArrayAsync("/account/data?handler=Json"));

        var response = await ImportAsync(candidate, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Comparable(await candidate.Http.GetByteArrayAsync("/account/data?handler=Json")));
    }

    [Fact]
    public async Task AHugeImportIsRefusedWithAMessage()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var huge = Encoding.UTF8.GetBytes("{\"format\": \"tpmprep-export\", \"version\": 1, \"padding\": \"" + new string('x', 21 * 1024 * 1024) + "\"}");

        var response = await ImportAsync(candidate, huge);

        // Over the file limit but within the request limit (twice the file's), so the page itself explains.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is 21 MB; an import takes at most 20 MB.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("You have not answered", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExportHoldsAttemptsScheduleAndAssessmentsSafeForSpreadsheets()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "csv@example.com");
        await SeedHistoryAsync(factory, "csv@example.com", attempts: 3);
        await candidate.AnswerAsync("sd-fleet-update-10000-servers", "=HYPERLINK(\"http://evil.example\",\"click\")");

        var zipBytes = await candidate.Http.GetByteArrayAsync("/account/data?handler=Csv");

        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        Assert.Equal(["assessments.csv", "attempts.csv", "review-schedule.csv"], zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        var attempts = await new StreamReader(zip.GetEntry("attempts.csv")!.Open()).ReadToEndAsync();
        var lines = attempts.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("created_utc,question_id,bank_id,question_title", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", attempts, StringComparison.Ordinal);
        var assessments = await new StreamReader(zip.GetEntry("assessments.csv")!.Open()).ReadToEndAsync();
        // A header, then a line per skill area of each of the two seeded assessments.
        var areas = factory.Services.GetRequiredService<CatalogueProvider>().Current.Skills.Count;
        Assert.Equal(1 + (2 * areas), assessments.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ExportAndImportNeedAnAccount()
    {
        using var factory = new TpmPrepFactory();
        using var anonymous = new AppClient(factory);

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync("/account/data?handler=Json")).StatusCode);
    }

    internal static async Task SeedHistoryAsync(TpmPrepFactory factory, string email, int attempts)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
        await scope.ServiceProvider.GetRequiredService<DemoData>().AddHistoryAsync(user!.Id, catalogue, days: 60, attemptCount: attempts, seed: 11, CancellationToken.None);
    }

    /// <summary>Uploads the file, follows the redirect to its import page and waits there until the import has finished.</summary>
    internal static async Task<string> ImportAndWaitAsync(AppClient client, byte[] file)
    {
        var response = await ImportAsync(client, file);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = response.Headers.Location!.OriginalString;
        Assert.Matches("^/account/data/imports/[0-9]+$", page);
        return await Eventually.WaitForAsync(() => client.GetHtmlAsync(page), html => html.Contains("Imported ", StringComparison.Ordinal) || html.Contains("Stopped", StringComparison.Ordinal), "the import to finish");
    }

    internal static async Task<HttpResponseMessage> ImportAsync(AppClient client, byte[] file)
    {
        var page = await client.GetHtmlAsync("/account/data");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(content, "File", "export.json");
        form.Add(new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        return await client.Http.PostAsync("/account/data?handler=Import", form);
    }

    /// <summary>The export without what legitimately differs between instances: export time, database ids and the attempt refs.</summary>
    private static string Comparable(byte[] export)
    {
        using var document = JsonDocument.Parse(export);
        var root = document.RootElement;
        var attempts = root.GetProperty("attempts").EnumerateArray().ToList();
        var questionOfRef = attempts.ToDictionary(a => a.GetProperty("ref").GetInt32(), a => a.GetProperty("questionId").GetString() + "@" + a.GetProperty("createdUtc").GetString());
        var builder = new StringBuilder();
        foreach (var attempt in attempts)
        {
            builder.AppendLine(Strip(attempt, "ref"));
        }

        builder.AppendLine(root.GetProperty("reviewSchedules").GetRawText());
        builder.AppendLine(root.GetProperty("assessments").GetRawText());
        foreach (var session in root.GetProperty("sessions").EnumerateArray())
        {
            builder.AppendLine(Strip(session, "items"));
            foreach (var item in session.GetProperty("items").EnumerateArray())
            {
                var reference = item.GetProperty("attemptRef");
                builder.AppendLine(Strip(item, "attemptRef") + " -> " + (reference.ValueKind == JsonValueKind.Null ? "none" : questionOfRef[reference.GetInt32()]));
            }
        }

        return builder.ToString();
    }

    private static string Strip(JsonElement element, string property) =>
        string.Join(",", element.EnumerateObject().Where(p => p.Name != property).Select(p => p.Name + "=" + p.Value.GetRawText()));
}

public sealed class DeletingAnAccount
{
    [Fact]
    public async Task AWrongPasswordDeletesNothing()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "keep@example.com");
        await candidate.AnswerAsync("sd-fleet-update-10000-servers");

        var response = await candidate.PostFormAsync("/account/delete", new() { ["Password"] = "not-my-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That is not your password; nothing was deleted.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await candidate.AttemptCountAsync());
    }

    [Fact]
    public async Task TheRightPasswordRemovesTheAccountAndEveryRecordOfIt()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "leaving@example.com");
        using var bystander = await AppClient.RegisteredAsync(factory, "staying@example.com");
        await OwningYourData.SeedHistoryAsync(factory, "leaving@example.com", attempts: 20);
        await OwningYourData.SeedHistoryAsync(factory, "staying@example.com", attempts: 5);
        await candidate.PostFormAsync("/questions/sd-fleet-update-10000-servers", new() { ["text"] = "draft" }, action: "/questions/sd-fleet-update-10000-servers?handler=Draft");
        var userId = await UserIdAsync(factory, "leaving@example.com");

        var response = await candidate.PostFormAsync("/account/delete", new() { ["Password"] = AppClient.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.Http.GetAsync("/attempts")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == userId));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == userId));
            Assert.False(await db.Attempts.AnyAsync(a => a.UserId == userId));
            Assert.False(await db.ReviewSchedules.AnyAsync(r => r.UserId == userId));
            Assert.False(await db.Assessments.AnyAsync(a => a.UserId == userId));
            Assert.False(await db.PracticeSessions.AnyAsync(s => s.UserId == userId));
            Assert.False(await db.AnswerDrafts.AnyAsync(d => d.UserId == userId));
            Assert.False(await db.ImportJobs.AnyAsync(j => j.UserId == userId));
            // Nothing is left hanging from what was deleted.
            Assert.False(await db.AttemptScores.AnyAsync(s => !db.Attempts.Any(a => a.Id == s.AttemptId)));
            Assert.False(await db.AssessmentRatings.AnyAsync(r => !db.Assessments.Any(a => a.Id == r.AssessmentId)));
            Assert.False(await db.PracticeSessionItems.AnyAsync(i => !db.PracticeSessions.Any(s => s.Id == i.SessionId)));
        }

        Assert.Equal(5, await bystander.AttemptCountAsync());
        var login = await new AppClient(factory).PostFormAsync("/account/login", new() { ["Input.Email"] = "leaving@example.com", ["Input.Password"] = AppClient.Password });
        Assert.Contains("The email or password is wrong.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> UserIdAsync(TpmPrepFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }
}

public sealed class ProfileSetsTheTimeZone
{
    [Fact]
    public async Task AKnownTimeZoneIsSavedAndAnUnknownOneIsRefused()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var saved = await candidate.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = "Sam", ["Input.TimeZone"] = "Europe/Paris" });
        var refused = await candidate.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = "Sam", ["Input.TimeZone"] = "Mars/Olympus" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Choose a time zone from the list.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<option value=\"Europe/Paris\" selected=\"selected\">", await candidate.GetHtmlAsync("/account/profile"), StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);
    }
}
