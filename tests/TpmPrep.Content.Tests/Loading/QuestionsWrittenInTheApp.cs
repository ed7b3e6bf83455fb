using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>A question written in the app is read by the bank files' parser, with the app's id and the rubric's own scale.</summary>
public sealed class QuestionsWrittenInTheApp
{
    private static readonly Lazy<ContentCatalogue> Library = new(() => ContentLoader.Load(TestPaths.ShippedContent(), "content"));

    private static string Question(string rubric, string frontMatterExtra = "") => $"""
        ---
        title: Rescue a late program
        skills: [project-management, leadership]
        level: senior-tpm
        kind: scenario
        minutes: 20
        {frontMatterExtra}
        ---

        ## Prompt

        The launch is six weeks late. What do you do *first*?

        ## What a strong answer covers

        - Finds out how late, with evidence.

        ## Rubric

        {rubric}

        ## Follow-ups

        - What if the sponsor disagrees?
        """;

    private const string FiveLevels = """
        ### Diagnosis
        1. None.
        2. Symptoms.
        3. A cause.
        4. Causes with evidence.
        5. Causes ranked by what to fix first.

        ### Plan
        1. None.
        2. A list.
        3. A sequence.
        4. A sequence with owners.
        5. A sequence with owners and measures.
        """;

    [Fact]
    public void ComesBackAsTheSameModelAsABankQuestionWithTheAppsIdAndNoBank()
    {
        var (question, errors) = ContentLoader.ParseWrittenQuestion("my-7", "question", Question(FiveLevels), Library.Value);

        Assert.Empty(errors);
        Assert.NotNull(question);
        Assert.Equal("my-7", question.Id);
        Assert.Equal(ContentLoader.WrittenInAppBankId, question.BankId);
        Assert.Equal("Rescue a late program", question.Title);
        Assert.Equal(["project-management", "leadership"], question.Skills);
        Assert.Equal(20, question.Minutes);
        Assert.Contains("<em>first</em>", question.PromptHtml, StringComparison.Ordinal);
        Assert.Equal(["Diagnosis", "Plan"], question.Rubric.Select(c => c.Title));
        Assert.Equal(5, question.RubricLevels);
    }

    [Fact]
    public void AnIdLineIsAnErrorBecauseTheAppGivesTheId()
    {
        var (question, errors) = ContentLoader.ParseWrittenQuestion("my-7", "question", Question(FiveLevels, "id: my-own-id"), Library.Value);

        Assert.Null(question);
        Assert.Equal("question:7: remove the 'id' line: the app gives a question written here its id", Assert.Single(errors).ToString());
    }

    [Fact]
    public void CriteriaOnDifferentScalesAreAnErrorOnTheOddOne()
    {
        var mixed = FiveLevels.Replace("\n5. A sequence with owners and measures.", "", StringComparison.Ordinal);

        var (question, errors) = ContentLoader.ParseWrittenQuestion("my-7", "question", Question(mixed), Library.Value);

        Assert.Null(question);
        var error = Assert.Single(errors);
        Assert.Equal(27, error.Line);
        Assert.Equal("rubric criterion 'Plan' has 4 anchors but 'Diagnosis' has 5: every criterion of a rubric uses the same scale", error.Message);
    }

    [Fact]
    public void UnknownSkillsAndBrokenFrontMatterAreReportedByLineAndNothingThrows()
    {
        var (unknown, unknownErrors) = ContentLoader.ParseWrittenQuestion("my-7", "question", Question(FiveLevels).Replace("leadership]", "juggling]", StringComparison.Ordinal), Library.Value);
        var (broken, brokenErrors) = ContentLoader.ParseWrittenQuestion("my-7", "question", "---\ntitle: [unclosed\n---\n", Library.Value);
        var (empty, emptyErrors) = ContentLoader.ParseWrittenQuestion("my-7", "question", "", Library.Value);

        Assert.Null(unknown);
        Assert.Contains(unknownErrors, e => e.Line == 3 && e.Message.Contains("juggling", StringComparison.Ordinal));
        Assert.Null(broken);
        Assert.NotEmpty(brokenErrors);
        Assert.Null(empty);
        Assert.Equal("question:1: missing front matter: the file must start with a line '---'", Assert.Single(emptyErrors).ToString());
    }

    [Fact]
    public void BankFilesMayNotUseTheIdsKeptForTheApp()
    {
        using var library = LibraryCopy.Create();
        var path = Directory.EnumerateFiles(Path.Combine(library.Root, "banks"), "*.md", SearchOption.AllDirectories).First(p => !p.EndsWith(ContentLoader.BankFileName, StringComparison.Ordinal));
        var text = File.ReadAllText(path);
        var id = text.Split('\n').First(l => l.StartsWith("id: ", StringComparison.Ordinal))["id: ".Length..].Trim();
        File.WriteAllText(path, text.Replace("id: " + id, "id: my-" + id, StringComparison.Ordinal));

        var catalogue = ContentLoader.Load(library.Root, "content");

        Assert.Contains(catalogue.Errors, e => e.Line == 2 && e.Message == "ids starting with 'my-' are kept for questions written in the app");
        Assert.Null(catalogue.FindQuestion("my-" + id));
    }
}

public sealed class RubricScalesMeetOnTheCommonFourPoints
{
    [Theory]
    [InlineData(1, 3, 1.0)]
    [InlineData(2, 3, 2.5)]
    [InlineData(3, 3, 4.0)]
    [InlineData(1, 5, 1.0)]
    [InlineData(3, 5, 2.5)]
    [InlineData(5, 5, 4.0)]
    [InlineData(3, 4, 3.0)]
    public void TheSamePointOfAnyScaleIsTheSamePointOfTheCommonOne(double score, int levels, double common) =>
        Assert.Equal(common, RubricScale.ToCommon(score, levels), 10);

    [Theory]
    [InlineData(0, 4, false)]
    [InlineData(1, 4, true)]
    [InlineData(4, 4, true)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    public void AScoreIsOnTheScaleFromOneToItsLevels(int score, int levels, bool onScale) =>
        Assert.Equal(onScale, RubricScale.IsOnScale(score, levels));
}
