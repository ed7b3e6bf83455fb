using TpmPrep.Content.Model;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>A short "explain it" question must score accuracy, the depth chosen for the audience and clarity.</summary>
public sealed class ExplainKindTests
{
    private const string Caching = "banks/technical-depth/tech-explain-caching-to-marketing-vp.md";

    [Fact]
    public void TheKindIsKnownAndShownAsExplainIt()
    {
        Assert.Equal("Explain it", QuestionKinds.DisplayName(QuestionKinds.Explain));
        using var library = LibraryCopy.Create();
        Assert.Equal(QuestionKinds.Explain, library.Load().FindQuestion("tech-explain-caching-to-marketing-vp")!.Kind);
    }

    [Theory]
    [InlineData("### Clarity and structure", "### Structure", "clarity")]
    [InlineData("### Technical accuracy", "### What a cache is", "accuracy")]
    [InlineData("### Depth chosen for the audience", "### Depth", "audience")]
    public void ARubricWithoutOneOfTheThreeIsReportedAtTheRubricAndCostsOnlyItsFile(string heading, string renamed, string word)
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        var rubricLine = File.ReadAllLines(library.PathOf(Caching)).ToList().IndexOf("## Rubric") + 1;
        library.Replace(Caching, heading, renamed);

        var fresh = library.Load();
        var error = Assert.Single(fresh.Errors);
        Assert.Equal($"content/{Caching}", error.Path);
        Assert.Equal(rubricLine, error.Line);
        Assert.Contains($"no criterion's title names '{word}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("technical accuracy, the depth chosen for the audience, clarity", error.Message, StringComparison.Ordinal);
        Assert.Null(fresh.FindQuestion("tech-explain-caching-to-marketing-vp"));
        Assert.Equal(good.QuestionCount - 1, fresh.QuestionCount);

        var reloaded = library.Load(previous: good);
        Assert.Equal(good.QuestionCount, reloaded.QuestionCount);
        Assert.Equal(["content/" + Caching], reloaded.KeptFiles);
    }

    [Fact]
    public void AnotherKindMayNameItsCriteriaFreely()
    {
        using var library = LibraryCopy.Create();
        library.Replace(Caching, "kind: explain", "kind: technical-deep-dive");
        library.Replace(Caching, "### Clarity and structure", "### Structure");

        var fresh = library.Load();

        Assert.Empty(fresh.Errors.Select(e => e.ToString()));
        Assert.Equal("technical-deep-dive", fresh.FindQuestion("tech-explain-caching-to-marketing-vp")!.Kind);
    }
}
