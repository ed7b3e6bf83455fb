using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TpmPrep.Content.Markdown;

/// <summary>
/// The one Markdown pipeline for everything TpmPrep shows: raw HTML is disabled, links and images
/// keep only http, https, mailto and relative targets, and nesting is capped.
/// </summary>
public static class SafeMarkdown
{
    /// <summary>Deepest nesting of blocks and inlines accepted before the text is shown verbatim.</summary>
    public const int MaximumNestingDepth = 32;

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static MarkdownPipeline Pipeline { get; } = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder
        {
            MaximumNestingDepth = MaximumNestingDepth,
        };
        return builder
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseTaskLists()
            .Build();
    }

    /// <summary>Parses Markdown and neutralises every unsafe link or image; null when nested too deeply.</summary>
    public static MarkdownDocument? Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than MaximumNestingDepth.
            return null;
        }

        Neutralise(document);
        return document;
    }

    /// <summary>Renders Markdown to safe HTML; text nested too deeply comes back as escaped plain text.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Parse(markdown);
        return document is null ? PlainText(markdown) : Render(document);
    }

    public static string PlainText(string text) =>
        "<p class=\"md-plain\">" + WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</p>\n";

    /// <summary>Renders the given blocks (already neutralised by <see cref="Parse"/>).</summary>
    public static string Render(params IEnumerable<MarkdownObject> blocks)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        renderer.Writer.Flush();
        return writer.ToString();
    }

    /// <summary>Renders what is inside a list item without the surrounding paragraph, for one-line points.</summary>
    public static string RenderListItem(ListItemBlock item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = item.Count == 1 };
        Pipeline.Setup(renderer);
        renderer.WriteChildren(item);
        renderer.Writer.Flush();
        return writer.ToString().Trim();
    }

    /// <summary>True for http, https, mailto, relative and fragment URLs; false for every other scheme.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop control characters and white space inside a scheme ("java\tscript:"), so do the same before looking.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true; // The colon is in a path, query or fragment: a relative URL.
        }

        var scheme = compact[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafeUrl(link.Url))
            {
                continue;
            }

            // The link or image goes; its text (an image's alt text) stays.
            link.Url = string.Empty;
            link.GetDynamicUrl = null;
            ReplaceByChildren(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    private static void ReplaceByChildren(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }
}
