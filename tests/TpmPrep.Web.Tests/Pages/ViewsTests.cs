using System.Text.RegularExpressions;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages;

/// <summary>
/// Views name pages, not paths (asp-page, Url.Page), so a route template is the one place a URL is spelled; and they
/// bind fields with asp-for, so a field's name, id, label and message follow its property. Both rules are kept here.
/// </summary>
public sealed partial class ViewsNamePagesAndBindFields
{
    /// <summary>Fields named by hand, each with its reason in the view: no property to bind, or a name asp-for would change.</summary>
    private static readonly string[] FieldsNamedByHand =
    [
        "Account/Data.cshtml: File",
        "Account/Login.cshtml: Input.RememberMe",
        "Account/Register.cshtml: Input.Roles",
        "Admin/Users.cshtml: Input.Roles",
        "Admin/Users.cshtml: Input.UserId",
        "Admin/Users.cshtml: q",
        "Assessment/Take.cshtml: Ratings[@indicator.Id]",
        "Banks/Details.cshtml: kind",
        "Banks/Details.cshtml: level",
        "Banks/Details.cshtml: skill",
        "Coach/Attempt.cshtml: body",
        "Coach/Attempt.cshtml: criterion",
        "Coach/Candidate.cshtml: notes",
        "Coach/Index.cshtml: code",
        "Coach/Join.cshtml: code",
        "Coaching/_Scopes.cshtml: scope",
        "Kits/Edit.cshtml: bank",
        "Kits/Edit.cshtml: by",
        "Kits/Edit.cshtml: itemId",
        "Kits/Edit.cshtml: kind",
        "Kits/Edit.cshtml: level",
        "Kits/Edit.cshtml: max",
        "Kits/Edit.cshtml: q",
        "Kits/Edit.cshtml: questionId",
        "Kits/Edit.cshtml: skill",
        "Kits/Generate.cshtml: Avoid",
        "Kits/Index.cshtml: file",
        "Kits/ReadyMade.cshtml: Opening",
        "Kits/_KitDetails.cshtml: Input.Focus",
        "Lists/Details.cshtml: count",
        "Lists/Details.cshtml: mode",
        "Lists/Details.cshtml: questionId",
        "Plans/Details.cshtml: candidateId",
        "Plans/Details.cshtml: email",
        "Plans/Details.cshtml: interviewId",
        "Plans/Details.cshtml: kitId",
        "Plans/Details.cshtml: name",
        "Plans/Details.cshtml: notes",
        "Plans/Details.cshtml: title",
        "Plans/Details.cshtml: userId",
        "Plans/Scorecard.cshtml: Area[@area]",
        "Plans/Scorecard.cshtml: Evidence[@question.Id]",
        "Plans/Scorecard.cshtml: Rating[@Key(question.Id, c)]",
        "Plans/Scorecard.cshtml: Recommendation",
        "Practice/Index.cshtml: Input.Banks",
        "Practice/Index.cshtml: Input.Kinds",
        "Practice/Index.cshtml: Input.Levels",
        "Practice/Index.cshtml: Input.Skills",
        "Practice/Index.cshtml: Mode",
        "Questions/Details.cshtml: listId",
        "Questions/Details.cshtml: newList",
        "Questions/Details.cshtml: on",
        "Questions/Details.cshtml: questionId",
        "Questions/Details.cshtml: returnUrl",
        "Questions/Index.cshtml: bank",
        "Questions/Index.cshtml: kind",
        "Questions/Index.cshtml: level",
        "Questions/Index.cshtml: listId",
        "Questions/Index.cshtml: on",
        "Questions/Index.cshtml: q",
        "Questions/Index.cshtml: questionId",
        "Questions/Index.cshtml: returnUrl",
        "Questions/Index.cshtml: saved",
        "Questions/Index.cshtml: skill",
        "Review/Index.cshtml: Mode",
        "Review/Index.cshtml: QuestionId",
        "Review/Index.cshtml: beyondCap",
        "Review/Quick.cshtml: Covered",
        "Shared/_Recorder.cshtml: Recording",
        "Shared/_Threads.cshtml: body",
        "Shared/_Threads.cshtml: threadId",
    ];

    private static readonly string PagesFolder = Path.Combine(TpmPrepFactory.RepositoryRoot(), "src", "TpmPrep.Web", "Pages");

    [Fact]
    public void NoViewWritesAnInAppUrlByHand()
    {
        var written = Views()
            .SelectMany(view => InAppPath().Matches(view.Markup).Select(m => $"{view.Name}: {m.Value}"))
            .Where(found => !StaticAsset().IsMatch(found))
            .ToList();

        Assert.True(written.Count == 0, "URLs written by hand (use asp-page, asp-route-*, asp-page-handler or Url.Page):\n" + string.Join("\n", written));
    }

    [Fact]
    public void FormFieldsAreBoundWithAspForExceptTheKnownFew()
    {
        var byHand = Views()
            .SelectMany(view => FieldTag().Matches(view.Markup)
                .Where(tag => !tag.Value.Contains("asp-for=", StringComparison.Ordinal))
                .Select(tag => NameAttribute().Match(tag.Value))
                .Where(name => name.Success)
                .Select(name => $"{view.Name}: {name.Groups[1].Value}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(FieldsNamedByHand, byHand);
    }

    [Fact]
    public void TheRulesSeeTheViews()
    {
        var views = Views().ToList();

        Assert.Contains(views, v => v.Name == "Shared/_Layout.cshtml" && v.Markup.Contains("asp-page=\"/Banks/Index\"", StringComparison.Ordinal));
        Assert.Matches(InAppPath(), "<a href=\"/attempts/@attempt.Id\">");
        Assert.Matches(InAppPath(), "<form action=\"/practice\">");
        Assert.Matches(InAppPath(), "<a href=\"/\">");
        Assert.DoesNotMatch(InAppPath(), "<a asp-page=\"/Attempts/Details\">");
    }

    /// <summary>Every view under Pages, without its route template (@page "/attempts/{id:int}") and Razor comments (which may quote a URL to explain one).</summary>
    private static IEnumerable<(string Name, string Markup)> Views() =>
        Directory.EnumerateFiles(PagesFolder, "*.cshtml", SearchOption.AllDirectories)
            .Select(path => (Path.GetRelativePath(PagesFolder, path).Replace('\\', '/'), PageDirective().Replace(RazorComment().Replace(File.ReadAllText(path), string.Empty), string.Empty)));

    /// <summary>An attribute or string whose value is a site-relative path ("/practice", "/", "/attempts/@id"); page names ("/Practice/Index") start with a capital.</summary>
    [GeneratedRegex("""(?<quote>["'])/(?:[a-z0-9?#@][^"']*)?\k<quote>""")]
    private static partial Regex InAppPath();

    [GeneratedRegex("""^[^:]+: ["']/(css|js|lib)/|^[^:]+: ["']/favicon\.""")]
    private static partial Regex StaticAsset();

    /// <summary>An input, select or textarea start tag, over several lines and past lambdas (=>) in its attributes.</summary>
    [GeneratedRegex("""<(?:input|select|textarea)\b(?:=>|[^>])*>""")]
    private static partial Regex FieldTag();

    [GeneratedRegex("""\bname="([^"]*)""")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("""@\*.*?\*@""", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("""^@page\b.*$""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();
}
