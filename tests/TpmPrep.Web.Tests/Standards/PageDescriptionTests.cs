using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Standards;

public sealed class DescriptionsArePlainShortSentences
{
    [Fact]
    public void MarkupAndEntitiesBecomePlainText()
    {
        var html = "<p>Your team&#39;s <strong>launch</strong> slipped by <code>two</code> weeks. What now?</p>";

        Assert.Equal("Your team's launch slipped by two weeks.", PageDescription.FirstSentenceOf(html));
    }

    [Fact]
    public void AnAbbreviationDoesNotEndTheSentence()
    {
        var html = "<p>Pick one platform, e.g. the billing system, and plan its migration. Then explain the risks.</p>";

        Assert.Equal("Pick one platform, e.g. the billing system, and plan its migration.", PageDescription.FirstSentenceOf(html));
    }

    [Fact]
    public void ParagraphsAndListItemsAreSeparatedBySpaces()
    {
        var html = "<p>Consider:</p>\n<ul>\n<li>cost</li>\n<li>risk</li>\n</ul>";

        Assert.Equal("Consider: cost risk", PageDescription.FirstSentenceOf(html));
    }

    [Fact]
    public void ALongSentenceIsCutAtAWordWithAnEllipsis()
    {
        var sentence = string.Join(" ", Enumerable.Repeat("stakeholders", 20)) + ".";

        var description = PageDescription.FirstSentenceOf($"<p>{sentence}</p>");

        Assert.True(description.Length <= PageDescription.MaxLength, $"{description.Length} characters");
        Assert.EndsWith("stakeholders…", description, StringComparison.Ordinal);
        Assert.StartsWith(description[..^1], sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void OneEndlessWordIsCutToo()
    {
        var description = PageDescription.Shorten(new string('x', 500));

        Assert.Equal(PageDescription.MaxLength, description.Length);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWithoutItsOwnDescriptionGetsTheSites()
    {
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary());
        Assert.Equal(PageDescription.Site, PageDescription.For(viewData));

        viewData[PageDescription.Key] = "   ";
        Assert.Equal(PageDescription.Site, PageDescription.For(viewData));

        viewData[PageDescription.Key] = "  Browse   the banks. ";
        Assert.Equal("Browse the banks.", PageDescription.For(viewData));
    }

    [Fact]
    public void EveryShippedQuestionHasAUsableDescription()
    {
        using var factory = new TpmPrepFactory();
        var catalogue = factory.Services.GetRequiredService<CatalogueProvider>().Current;

        Assert.All(catalogue.Questions, question =>
        {
            var description = PageDescription.FirstSentenceOf(question.PromptHtml);
            Assert.True(description.Length is >= 30 and <= PageDescription.MaxLength, $"{question.Id}: \"{description}\"");
            Assert.DoesNotMatch(@"[<>*`]|&\w+;|&#", description);
        });
        Assert.Equal(catalogue.QuestionCount, catalogue.Questions.Select(q => PageDescription.FirstSentenceOf(q.PromptHtml)).Distinct().Count());
    }
}
