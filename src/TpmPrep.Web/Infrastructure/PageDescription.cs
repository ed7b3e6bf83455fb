using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// The page's <c>&lt;meta name="description"&gt;</c>, which search engines show under its title. A page sets
/// <c>ViewData["Description"]</c> (from its content where it has some); the layout writes it, or the site's own.
/// </summary>
public static partial class PageDescription
{
    public const string Key = "Description";

    /// <summary>Search results show about this many characters before cutting the text off.</summary>
    public const int MaxLength = 160;

    public const string Site =
        "Practise the questions of a Technical Program Manager interview loop against the clock, grade your answers with a rubric and see what improves.";

    public static string For(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData[Key] is string text && !string.IsNullOrWhiteSpace(text) ? Shorten(text) : Site;
    }

    /// <summary>The first sentence of rendered Markdown, as plain text no longer than <see cref="MaxLength"/>.</summary>
    public static string FirstSentenceOf(string html)
    {
        var text = PlainText(html);
        var end = SentenceEnd().Match(text);
        return Shorten(end.Success ? text[..(end.Index + 1)] : text);
    }

    /// <summary>The text with its white space collapsed, cut at the last word that fits, with an ellipsis when cut.</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Spaces().Replace(text, " ").Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        var kept = (cut > 0 ? text[..cut] : text[..(MaxLength - 1)]).TrimEnd(' ', ',', ';', ':', '-', '–', '(');
        return kept + "…";
    }

    /// <summary>HTML (the app's own, rendered from Markdown) as the text a reader sees: tags dropped, entities decoded.</summary>
    public static string PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var spaced = BlockBoundary().Replace(html, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(spaced, string.Empty)), " ").Trim();
    }

    /// <summary>A full stop, question or exclamation mark followed by a space and a capital, a digit or a quote: not "e.g. the".</summary>
    [GeneratedRegex(@"[.?!](?=\s+[\p{Lu}\d""'“‘(]|\s*$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"</?(p|br|li|ul|ol|h[1-6]|div|blockquote|pre|tr|td|th|table)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
