using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TpmPrep.Content.Markdown;

/// <summary>
/// The one Markdown pipeline for everything TpmPrep shows: raw HTML is disabled, links and images
/// keep only http, https, mailto and relative targets, nesting is capped, and a paragraph dense
/// enough to make the parser slow is shown as plain text. Rendering never throws: input past these
/// limits comes back as escaped plain text.
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
        builder
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseTaskLists();
        // Last, so that it sees the block parsers every other extension added.
        builder.Extensions.AddIfNotAlready<InlineBudgetExtension>();
        return builder.Build();
    }

    /// <summary>
    /// Parses Markdown and neutralises every unsafe link or image; null when the text is nested too deeply
    /// (or otherwise past the parser's limits) to be parsed at all.
    /// </summary>
    public static MarkdownDocument? Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!MarkdownShape.Measure(markdown).WithinLimits)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception ex) when (IsParserLimit(ex))
        {
            return null;
        }

        Neutralise(document);
        return document;
    }

    /// <summary>Renders Markdown to safe HTML; never throws: text past the limits comes back as escaped plain text.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Parse(markdown);
        return document is not null && TryRender([document], out var html) ? html : PlainText(markdown);
    }

    public static string PlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "<p class=\"md-plain\">" + WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</p>\n";
    }

    /// <summary>
    /// Renders the given blocks (already neutralised by <see cref="Parse"/>); false, with nothing written,
    /// when they are nested too deeply to render.
    /// </summary>
    public static bool TryRender(IEnumerable<MarkdownObject> blocks, out string html)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        using var writer = new StringWriter();
        var renderer = NewRenderer(writer);
        try
        {
            foreach (var block in blocks)
            {
                renderer.Render(block);
            }
        }
        catch (Exception ex) when (IsParserLimit(ex))
        {
            html = string.Empty;
            return false;
        }

        renderer.Writer.Flush();
        html = writer.ToString();
        return true;
    }

    /// <summary>
    /// Renders what is inside a list item without the surrounding paragraph, for one-line points; null when it
    /// is nested too deeply to render.
    /// </summary>
    public static string? RenderListItem(ListItemBlock item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var writer = new StringWriter();
        var renderer = NewRenderer(writer);
        renderer.ImplicitParagraph = item.Count == 1;
        try
        {
            renderer.WriteChildren(item);
        }
        catch (Exception ex) when (IsParserLimit(ex))
        {
            return null;
        }

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

    private static HtmlRenderer NewRenderer(StringWriter writer)
    {
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        // Rendering recurses once per level; the parser's own limit keeps real documents far below this.
        renderer.MaximumNestingDepth = 4 * MaximumNestingDepth;
        return renderer;
    }

    /// <summary>
    /// Markdig signals "too deeply nested" with ArgumentException and a runaway parse with
    /// InvalidOperationException; it is third-party code run on hostile text, so whatever it throws
    /// means "show this as plain text", never "fail the page".
    /// </summary>
    private static bool IsParserLimit(Exception ex) => ex is not OutOfMemoryException;

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
