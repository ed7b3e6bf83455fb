using System.Net;
using AngleSharp.Dom;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.Practice;

namespace TpmPrep.Web.Tests.Pages;

/// <summary>
/// A bad value's message is shown beside its field, once, and the field is tied to it: marked aria-invalid and
/// described first by the message (aria-describedby), so a screen reader reads the message with the field.
/// Messages about no one field stay at the top of the form.
/// </summary>
public sealed class ValidationMessagesSitBesideTheirFields(SharedFactory fixture) : IClassFixture<SharedFactory>
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task RegisteringShowsEachBadValueBesideItsField()
    {
        using var client = new AppClient(fixture);

        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = new string('n', 81),
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
            ["Input.Roles"] = "Admin",
        });

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.DisplayName", "Your name can be at most 80 characters.");
        AssertMessageBeside(page, "Input.Email", "Enter a valid email address.");
        AssertMessageBeside(page, "Input.Password", "The password must be 10 to 128 characters long.");
        AssertMessageBeside(page, "Input.ConfirmPassword", "The two passwords do not match.");
        AssertMessageBeside(page, "Input.Roles", "Tick at least one: practise, interview or coach.");
        Assert.Null(page.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task APasswordTheAccountRulesRefuseIsMarkedOnThePasswordAndItsRulesStillDescribeIt()
    {
        using var client = new AppClient(fixture);

        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Common Choice",
            ["Input.Email"] = $"common-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "password123",
            ["Input.ConfirmPassword"] = "password123",
            ["Input.Roles"] = "Candidate",
        });

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.Password", "This password is one of the most common ones");
        var descriptions = page.DescriptionsOf(page.Field("Input.Password"));
        Assert.Equal(2, descriptions.Count);
        Assert.StartsWith("At least 10 characters", descriptions[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedLogInIsTheFormsMessageAndPointsAtNoField()
    {
        using var client = new AppClient(fixture);

        var response = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "not-the-password" });

        var page = await PageAsync(response);
        Assert.Contains("The email or password is wrong.", page.QuerySelector("form [role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[aria-invalid]"));
        Assert.Empty(page.QuerySelectorAll(".field-error"));
    }

    [Fact]
    public async Task AnEmptyLogInSaysWhatIsMissingBesideEachField()
    {
        using var client = new AppClient(fixture);

        var response = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = string.Empty, ["Input.Password"] = string.Empty });

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.Email", "Enter your email address.");
        AssertMessageBeside(page, "Input.Password", "Enter your password.");
    }

    [Fact]
    public async Task GradingMarksOnlyTheCriterionWithABadScoreAndTheOverlongNotes()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var attempt = await candidate.AnswerAsync(QuestionId);

        var response = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new()
        {
            ["Input.Scores[0]"] = "4", ["Input.Scores[1]"] = "9", ["Input.Scores[2]"] = "3", ["Input.Notes"] = new string('n', 4_001),
        });

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.Scores[1]", "must be from 1 to 4.");
        AssertMessageBeside(page, "Input.Notes", "Notes are 4,000 characters at most.");
        Assert.All(page.Fields("Input.Scores[0]").Concat(page.Fields("Input.Scores[2]")), radio => Assert.Null(radio.GetAttribute("aria-invalid")));
        Assert.Equal("4", page.Fields("Input.Scores[0]").Single(r => r.HasAttribute("checked")).GetAttribute("value"));
    }

    [Fact]
    public async Task TheProfileSaysBesideEachFieldWhatIsWrongWithIt()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = new string('n', 81), ["Input.TimeZone"] = "Mars/Olympus_Mons" });

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.DisplayName", "Your name can be at most 80 characters.");
        AssertMessageBeside(page, "Input.TimeZone", "Choose a time zone from the list.");
    }

    [Fact]
    public async Task ChangingThePasswordSaysBesideWhichPasswordIsWrong()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var wrongCurrent = await PageAsync(await candidate.PostFormAsync("/account/password", new()
        {
            ["Input.CurrentPassword"] = "not-my-password", ["Input.NewPassword"] = "a-brand-new-secret-26", ["Input.ConfirmPassword"] = "a-brand-new-secret-26",
        }));
        var mismatch = await PageAsync(await candidate.PostFormAsync("/account/password", new()
        {
            ["Input.CurrentPassword"] = AppClient.Password, ["Input.NewPassword"] = "a-brand-new-secret-26", ["Input.ConfirmPassword"] = "a-brand-new-secret-27",
        }));

        AssertMessageBeside(wrongCurrent, "Input.CurrentPassword", "That is not your current password.");
        Assert.Null(wrongCurrent.Field("Input.NewPassword").GetAttribute("aria-invalid"));
        AssertMessageBeside(mismatch, "Input.ConfirmPassword", "The two passwords do not match.");
    }

    [Fact]
    public async Task DeletingTheAccountWithAWrongPasswordSaysSoBesideThePassword()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.PostFormAsync("/account/delete", new() { ["Password"] = "not-my-password" });

        AssertMessageBeside(await PageAsync(response), "Password", "That is not your password; nothing was deleted.");
    }

    [Fact]
    public async Task StartingASessionOfTooManyQuestionsOrUnknownBanksSaysSoBesideThoseChoices()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await PracticeDriver.PostStartAsync(candidate, new() { ["Input.Mode"] = "Practice", ["Input.Count"] = "99" }, [new("Input.Banks", "no-such-bank")]);

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.Count", "Choose from 1 to 20 questions.");
        var banks = page.QuerySelectorAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent.StartsWith("Banks", StringComparison.Ordinal));
        Assert.Contains("There is no bank 'no-such-bank'.", banks.QuerySelector(".field-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAnswerInASessionIsMarkedOnTheAnswerBoxBeforeItsDraftStatus()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var session = await PracticeDriver.StartSessionAsync(candidate, new() { ["Input.Mode"] = "Practice", ["Input.Count"] = "1" });

        var response = await candidate.PostFormAsync($"/practice/{session}", new() { ["Input.Answer"] = "   ", ["Position"] = "1", ["Overtime"] = "false" });

        var page = await PageAsync(response);
        AssertMessageBeside(page, "Input.Answer", "Write an answer before submitting.");
        Assert.Equal("draft-status", page.DescriptionsOf(page.Field("Input.Answer"))[1].Id);
    }

    [Fact]
    public async Task StartingAnAssessmentWithoutALevelSaysSoBesideTheLevels()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.PostFormAsync("/assessment", []);

        AssertMessageBeside(await PageAsync(response), "LevelId", "Choose the level you are aiming for.");
    }

    [Fact]
    public async Task TheErrorOfAFieldNoOneSeesStaysAtTheTopOfTheForm()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["Input.Answer"] = "An answer", ["Input.TimeTakenSeconds"] = "-5" });

        var page = await PageAsync(response);
        Assert.Contains("The time taken must be a positive number of seconds.", page.QuerySelector("form [role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(page, "The time taken must be a positive number of seconds."));
        Assert.Null(page.Field("Input.Answer").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task AFormWithoutErrorsMarksNoFieldAndShowsNoMessage()
    {
        using var client = new AppClient(fixture);

        var page = Html.Parse(await client.GetHtmlAsync("/account/register"));

        Assert.Empty(page.QuerySelectorAll("[aria-invalid]"));
        Assert.Empty(page.QuerySelectorAll(".field-error"));
        Assert.Equal(new[] { "password-rules" }, page.DescriptionsOf(page.Field("Input.Password")).Select(e => e.Id));
    }

    private static async Task<IDocument> PageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every field named <paramref name="name"/> (all radio buttons of a group) is marked invalid and described first by
    /// one message saying <paramref name="message"/>, inside the same field block or fieldset; the page says it once.
    /// </summary>
    private static void AssertMessageBeside(IDocument page, string name, string message)
    {
        var fields = page.Fields(name);
        Assert.NotEmpty(fields);
        IElement? shown = null;
        foreach (var field in fields)
        {
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            var descriptions = page.DescriptionsOf(field);
            Assert.NotEmpty(descriptions);
            var first = descriptions[0];
            Assert.Contains(message, first.TextContent, StringComparison.Ordinal);
            Assert.Same(field.Closest(".field, fieldset"), first.Closest(".field, fieldset"));
            Assert.True(shown is null || ReferenceEquals(shown, first), $"the fields named {name} point at different messages");
            shown = first;
        }

        Assert.Equal(1, Occurrences(page, message));
    }

    private static int Occurrences(IDocument page, string text)
    {
        var body = page.Body!.TextContent;
        var count = 0;
        for (var at = body.IndexOf(text, StringComparison.Ordinal); at >= 0; at = body.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
