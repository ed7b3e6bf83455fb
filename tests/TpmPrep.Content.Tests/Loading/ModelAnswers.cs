using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>The optional last section, <c>## Model answer</c>: a written exemplar shown after grading.</summary>
public sealed class ModelAnswers
{
    private static readonly Lazy<ContentCatalogue> Library = new(() => ContentLoader.Load(TestPaths.ShippedContent(), "content"));

    private const string Body = """
        ---
        title: Rescue a late program
        skills: [project-management, leadership]
        level: senior-tpm
        kind: scenario
        minutes: 20
        ---

        ## Prompt

        The launch is six weeks late. What do you do *first*?

        ## What a strong answer covers

        - Finds out how late, with evidence.

        ## Rubric

        ### Diagnosis
        1. None.
        2. Symptoms.
        3. A cause.
        4. Causes with evidence.

        ## Follow-ups

        - What if the sponsor disagrees?

        ## Pitfalls

        - Promising a date before the diagnosis.

        """;

    private static (Question? Question, IReadOnlyList<ContentError> Errors) Parse(string text) =>
        ContentLoader.ParseWrittenQuestion("my-7", "question", text, Library.Value);

    [Fact]
    public void IsRenderedOnceAsSafeMarkdown()
    {
        var (question, errors) = Parse(Body + "## Model answer\n\nFirst I would find out **how late** we are. <script>alert(1)</script> [x](javascript:alert(1))\n");

        Assert.Empty(errors);
        Assert.Contains("<strong>how late</strong>", question!.ModelAnswerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", question.ModelAnswerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", question.ModelAnswerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void IsOptionalAndLeavesTheQuestionsHashAlone()
    {
        var (without, errors) = Parse(Body);
        var (with, _) = Parse(Body + "## Model answer\n\nAn exemplar.\n");

        Assert.Empty(errors);
        Assert.Null(without!.ModelAnswerHtml);
        Assert.NotNull(with!.ModelAnswerHtml);
        // Adding a model answer does not tell earlier answers that their question changed.
        Assert.Equal(without.TextHash, with.TextHash);
        var (edited, _) = Parse(Body.Replace("six weeks", "seven weeks", StringComparison.Ordinal) + "## Model answer\n\nAn exemplar.\n");
        Assert.NotEqual(without.TextHash, edited!.TextHash);
    }

    [Fact]
    public void AnEmptyOrMisplacedModelAnswerIsReportedByLine()
    {
        var (_, empty) = Parse(Body + "## Model answer\n");
        Assert.Contains(empty, e => e.Message.StartsWith("section '## Model answer' is empty", StringComparison.Ordinal) && e.Line == Body.Split('\n').Length);

        var misplaced = Body.Replace("## Follow-ups", "## Model answer\n\nToo early.\n\n## Follow-ups", StringComparison.Ordinal);
        var (_, errors) = Parse(misplaced);
        Assert.Contains(errors, e => e.Message.Contains("out of order", StringComparison.Ordinal));
    }
}
