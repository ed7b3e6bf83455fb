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

    /// <summary>Reused by <see cref="Neutralise"/> on each thread, which walks one document at a time.</summary>
    [ThreadStatic]
    private static Stack<MarkdownObject>? t_pending;

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
        var renderer = ReusableRenderer.Rent(implicitParagraph: false);
        try
        {
            foreach (var block in blocks)
            {
                renderer.Render(block);
            }
        }
        catch (Exception ex) when (IsParserLimit(ex))
        {
            // Not returned: a render cut short may leave the renderer's state half-changed.
            html = string.Empty;
            return false;
        }

        html = WrapTables(renderer.TakeOutput());
        ReusableRenderer.Return(renderer);
        return true;
    }

    /// <summary>
    /// Puts each table in a box that scrolls sideways on its own (and can be scrolled with the keyboard), so a wide
    /// table inside a question or an answer never widens the page on a phone. Raw HTML is off, so every table tag
    /// here is one the renderer wrote.
    /// </summary>
    private static string WrapTables(string html) =>
        !html.Contains("<table>", StringComparison.Ordinal)
            ? html
            : html.Replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>", StringComparison.Ordinal)
                .Replace("</table>", "</table></div>", StringComparison.Ordinal);

    /// <summary>
    /// Renders what is inside a list item without the surrounding paragraph, for one-line points; null when it
    /// is nested too deeply to render.
    /// </summary>
    public static string? RenderListItem(ListItemBlock item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var renderer = ReusableRenderer.Rent(implicitParagraph: item.Count == 1);
        try
        {
            renderer.WriteChildren(item);
        }
        catch (Exception ex) when (IsParserLimit(ex))
        {
            return null;
        }

        var html = renderer.TakeTrimmedOutput();
        ReusableRenderer.Return(renderer);
        return html;
    }

    /// <summary>True for http, https, mailto, relative and fragment URLs; false for every other scheme.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop control characters and white space inside a scheme ("java\tscript:"), so do the same before looking.
        ReadOnlySpan<char> compact = url;
        foreach (var character in url)
        {
            if (char.IsControl(character) || char.IsWhiteSpace(character))
            {
                compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
                break;
            }
        }

        var colon = compact.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var firstDelimiter = compact.IndexOfAny('/', '?', '#');
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true; // The colon is in a path, query or fragment: a relative URL.
        }

        var scheme = compact[..colon];
        foreach (var allowed in AllowedSchemes)
        {
            if (scheme.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Markdig signals "too deeply nested" with ArgumentException and a runaway parse with
    /// InvalidOperationException; it is third-party code run on hostile text, so whatever it throws
    /// means "show this as plain text", never "fail the page".
    /// </summary>
    private static bool IsParserLimit(Exception ex) => ex is not OutOfMemoryException;

    /// <summary>
    /// One walk over the tree, in document order with each parent before its children (as Markdig's
    /// <c>Descendants</c> visits them), collecting the unsafe links and autolinks; then each is taken out.
    /// </summary>
    private static void Neutralise(MarkdownDocument document)
    {
        List<Inline>? unsafeInlines = null;
        var pending = t_pending ??= new Stack<MarkdownObject>();
        pending.Clear();
        pending.Push(document);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push(container[i]);
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push(inline);
                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    (unsafeInlines ??= []).Add(autolink);
                    break;
                case ContainerInline container:
                    if (container is LinkInline link && !IsSafeUrl(link.Url))
                    {
                        (unsafeInlines ??= []).Add(link);
                    }

                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        if (unsafeInlines is null)
        {
            return;
        }

        foreach (var inline in unsafeInlines)
        {
            if (inline is LinkInline link)
            {
                // The link or image goes; its text (an image's alt text) stays.
                link.Url = string.Empty;
                link.GetDynamicUrl = null;
                ReplaceByChildren(link);
            }
            else if (inline is AutolinkInline autolink)
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

    /// <summary>
    /// An HTML renderer kept per thread and reused: building one and running the pipeline's set-up for every
    /// bullet cost more than rendering it. A thread uses it for one render at a time (rendering never
    /// yields), so loads on worker threads and request rendering never share one.
    /// </summary>
    private sealed class ReusableRenderer : HtmlRenderer
    {
        /// <summary>A renderer whose output grew past this many characters is dropped rather than kept with its buffer.</summary>
        private const int MaximumRetainedCapacity = 256 * 1024;

        [ThreadStatic]
        private static ReusableRenderer? t_idle;

        private ReusableRenderer()
            : base(new StringWriter())
        {
            Pipeline.Setup(this);
            // Rendering recurses once per level; the parser's own limit keeps real documents far below this.
            MaximumNestingDepth = 4 * SafeMarkdown.MaximumNestingDepth;
        }

        /// <summary>This thread's idle renderer (or a new one), empty, with <see cref="HtmlRenderer.ImplicitParagraph"/> set.</summary>
        public static ReusableRenderer Rent(bool implicitParagraph)
        {
            var renderer = t_idle ?? new ReusableRenderer();
            t_idle = null;
            renderer.ImplicitParagraph = implicitParagraph;
            return renderer;
        }

        /// <summary>Gives back a renderer that finished its render; one that threw is never given back.</summary>
        public static void Return(ReusableRenderer renderer)
        {
            renderer.Reset();
            renderer.ImplicitParagraph = false;
            if (((StringWriter)renderer.Writer).GetStringBuilder().Capacity <= MaximumRetainedCapacity)
            {
                t_idle = renderer;
            }
        }

        public string TakeOutput()
        {
            Writer.Flush();
            return ((StringWriter)Writer).GetStringBuilder().ToString();
        }

        /// <summary>The output as <see cref="string.Trim()"/> would give it, without first copying the untrimmed text.</summary>
        public string TakeTrimmedOutput()
        {
            Writer.Flush();
            var output = ((StringWriter)Writer).GetStringBuilder();
            var start = 0;
            var end = output.Length;
            while (start < end && char.IsWhiteSpace(output[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(output[end - 1]))
            {
                end--;
            }

            return output.ToString(start, end - start);
        }
    }
}
