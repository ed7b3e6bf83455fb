using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>A page read as a browser reads it, to ask by selector what a person (or a screen reader) is shown.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The first field posted as <paramref name="name"/> (input, textarea or select).</summary>
    public static IElement Field(this IDocument page, string name) =>
        page.QuerySelectorAll("input, textarea, select").FirstOrDefault(e => e.GetAttribute("name") == name)
        ?? throw new Xunit.Sdk.XunitException($"no field named {name}");

    /// <summary>Every field posted as <paramref name="name"/>: a group of radio buttons, say.</summary>
    public static IReadOnlyList<IElement> Fields(this IDocument page, string name) =>
        page.QuerySelectorAll("input, textarea, select").Where(e => e.GetAttribute("name") == name).ToList();

    /// <summary>The value the field shows: what is typed in a box (a textarea's text without the newline the parser drops), the chosen option.</summary>
    public static string? ValueOf(this IDocument page, string name) => page.Field(name) switch
    {
        IHtmlTextAreaElement textArea => textArea.Value,
        IHtmlSelectElement select => select.Value,
        IHtmlInputElement input => input.Value,
        _ => null,
    };

    /// <summary>The elements that describe <paramref name="field"/> to assistive technology (aria-describedby), in order.</summary>
    public static IReadOnlyList<IElement> DescriptionsOf(this IDocument page, IElement field) =>
        (field.GetAttribute("aria-describedby") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => page.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"aria-describedby names {id}, which is not on the page"))
            .ToList();
}
