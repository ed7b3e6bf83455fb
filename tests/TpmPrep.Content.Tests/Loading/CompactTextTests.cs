using TpmPrep.Content.Model;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>A question keeps its rendered HTML as UTF-8 to halve the catalogue's memory; every text must read back exactly as it was given.</summary>
public sealed class RenderedHtmlReadsBackAsItWasGiven
{
    public static TheoryData<string> Texts => new()
    {
        string.Empty,
        "<p>Plain <strong>ASCII</strong> &amp; entities</p>\n",
        "<p>Non-ASCII: café – “quotes” – 日本語 – 😀</p>",
        "lone high surrogate \uD800 in the middle",
        "lone low surrogate at the end \uDC00",
        "\u0000 control \u001F and \uFFFF",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void AQuestionsPromptReadsBackUnchanged(string html)
    {
        var question = Question(html, [html, "second"]);

        Assert.Equal(html, question.PromptHtml);
        Assert.Equal([html, "second"], question.StrongAnswerPointsHtml);
        Assert.Equal([html, "second"], question.Rubric[0].AnchorsHtml);
    }

    [Fact]
    public void ListsKeepTheirOrderAndCountAndRefuseAnIndexOutsideThem()
    {
        var question = Question("<p>x</p>", ["a", string.Empty, "ü", "<em>d</em>"]);

        Assert.Equal(4, question.FollowUpsHtml.Count);
        Assert.Equal(["a", string.Empty, "ü", "<em>d</em>"], question.FollowUpsHtml.ToList());
        Assert.Equal(string.Empty, question.FollowUpsHtml[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => question.FollowUpsHtml[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => question.FollowUpsHtml[-1]);
    }

    [Fact]
    public void QuestionsWithTheSamePromptAreEqualAndOthersAreNot()
    {
        var question = Question("<p>same</p>", ["a"]);

        Assert.Equal(question, question with { SourcePath = question.SourcePath });
        Assert.NotEqual(question, question with { PromptHtml = "<p>other</p>" });
        Assert.Equal("<p>other</p>", (question with { PromptHtml = "<p>other</p>" }).PromptHtml);
    }

    private static Question Question(string prompt, IReadOnlyList<string> points) =>
        new("q-1", "bank", "Title", ["communication"], "tpm", "scenario", 10, prompt, points,
            [new RubricCriterion("Clarity", points)], points, [], new string('0', 64), "content/banks/bank/q-1.md");
}
