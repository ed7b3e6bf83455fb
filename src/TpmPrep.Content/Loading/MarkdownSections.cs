using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TpmPrep.Content.Markdown;

namespace TpmPrep.Content.Loading;

/// <summary>A <c>##</c> section of a content file's body and the blocks under it.</summary>
internal sealed record MarkdownSection(string Name, int Line, IReadOnlyList<Block> Blocks);

/// <summary>Splits a parsed body into the blocks before the first <c>##</c> heading and the sections after it.</summary>
internal sealed class MarkdownSections
{
    public static readonly string NestedTooDeeply =
        $"Markdown is nested too deeply to show (more than {SafeMarkdown.MaximumNestingDepth} levels of lists, quotes, links or emphasis)";

    /// <summary>Reused by <see cref="HeadingText"/> on each thread: a heading's walk needs no stack of its own.</summary>
    [ThreadStatic]
    private static Stack<Inline>? t_pending;

    private MarkdownSections(IReadOnlyList<Block> preamble, IReadOnlyList<MarkdownSection> sections)
    {
        Preamble = preamble;
        Sections = sections;
    }

    public IReadOnlyList<Block> Preamble { get; }

    public IReadOnlyList<MarkdownSection> Sections { get; }

    public static MarkdownSections? Parse(SourceFile file)
    {
        var document = SafeMarkdown.Parse(file.Body);
        if (document is null)
        {
            file.Error(file.BodyStartLine, NestedTooDeeply);
            return null;
        }

        var preamble = new List<Block>();
        var sections = new List<MarkdownSection>();
        string? name = null;
        var line = 0;
        var blocks = new List<Block>();
        for (var i = 0; i < document.Count; i++)
        {
            var block = document[i];
            if (block is HeadingBlock { Level: 2 } heading)
            {
                if (name is not null)
                {
                    sections.Add(new MarkdownSection(name, line, blocks));
                }

                name = HeadingText(heading);
                line = file.BodyLine(heading.Line);
                blocks = [];
                continue;
            }

            if (block is LinkReferenceDefinitionGroup or BlankLineBlock)
            {
                continue;
            }

            (name is null ? preamble : blocks).Add(block);
        }

        if (name is not null)
        {
            sections.Add(new MarkdownSection(name, line, blocks));
        }

        return new MarkdownSections(preamble, sections);
    }

    /// <summary>The heading's literal and code text, in document order (as Markdig's <c>Descendants</c> visits it), trimmed.</summary>
    public static string HeadingText(HeadingBlock heading)
    {
        if (heading.Inline is null)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        var pending = t_pending ??= new Stack<Inline>();
        pending.Clear();
        PushChildren(pending, heading.Inline);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    PushChildren(pending, container);
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static void PushChildren(Stack<Inline> pending, ContainerInline container)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push(child);
        }
    }

    /// <summary>The items of a section that must be one bullet list, rendered; null after reporting an error.</summary>
    public static IReadOnlyList<string>? BulletItems(SourceFile file, MarkdownSection section)
    {
        var items = new List<string>();
        foreach (var block in section.Blocks)
        {
            if (block is not ListBlock { IsOrdered: false } list)
            {
                file.Error(file.BodyLine(block.Line), $"section '## {section.Name}' must be a bullet list ('- ' a point); found {Describe(block)}");
                return null;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not ListItemBlock item)
                {
                    continue;
                }

                if (RenderItem(file, item) is not { } html)
                {
                    return null;
                }

                items.Add(html);
            }
        }

        if (items.Count == 0)
        {
            file.Error(section.Line, $"section '## {section.Name}' has no points: add a bullet list");
            return null;
        }

        return items;
    }

    /// <summary>
    /// <c>###</c> headings each followed by a numbered list of <paramref name="anchors"/> items (a fixed count, or a range).
    /// With <paramref name="partial"/>, an item with an error is reported and left out, and the others come back.
    /// </summary>
    public static IReadOnlyList<(string Heading, int Line, IReadOnlyList<string> Anchors)>? AnchoredItems(
        SourceFile file, MarkdownSection section, Range anchors, string what, bool partial = false)
    {
        var (fewest, most) = (anchors.Start.Value, anchors.End.Value);
        var anchorCount = fewest == most ? $"{fewest}" : $"{fewest} to {most}";
        var result = new List<(string, int, IReadOnlyList<string>)>();
        var ok = true;
        string? heading = null;
        var headingLine = 0;
        List<string>? items = null;

        void Close()
        {
            if (heading is null)
            {
                return;
            }

            if (items is null)
            {
                file.Error(headingLine, $"{what} '{heading}' has no anchors: add a numbered list of {anchorCount}");
                ok = false;
            }
            else if (items.Count < fewest || items.Count > most)
            {
                file.Error(headingLine, $"{what} '{heading}' has {items.Count} anchors; it needs {(fewest == most ? "exactly " : string.Empty)}{anchorCount}");
                ok = false;
            }
            else
            {
                result.Add((heading, headingLine, items));
            }
        }

        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case HeadingBlock { Level: 3 } h3:
                    Close();
                    heading = HeadingText(h3);
                    headingLine = file.BodyLine(h3.Line);
                    items = null;
                    if (heading.Length == 0)
                    {
                        file.Error(headingLine, $"{what} heading is empty");
                        ok = false;
                        heading = null;
                    }

                    break;
                case ListBlock { IsOrdered: true } list when heading is not null && items is null:
                    // Every item is rendered, so that each one nested too deeply is reported.
                    var rendered = new List<string>(list.Count);
                    var allRendered = true;
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is not ListItemBlock item)
                        {
                            continue;
                        }

                        if (RenderItem(file, item) is { } html)
                        {
                            rendered.Add(html);
                        }
                        else
                        {
                            allRendered = false;
                        }
                    }

                    if (!allRendered)
                    {
                        ok = false;
                        heading = null;
                        items = [];
                    }
                    else
                    {
                        items = rendered;
                    }

                    break;
                case ListBlock { IsOrdered: false } when heading is not null && items is null:
                    file.Error(file.BodyLine(block.Line), $"{what} '{heading}' must have a numbered list (1. 2. ...) of anchors, not bullets");
                    ok = false;
                    items = [];
                    heading = null;
                    break;
                default:
                    file.Error(file.BodyLine(block.Line), $"unexpected {Describe(block)} in section '## {section.Name}': expected '### {what}' headings, each followed by a numbered list of {anchorCount} anchors");
                    ok = false;
                    break;
            }
        }

        Close();
        if ((ok || partial) && result.Count == 0)
        {
            file.Error(section.Line, $"section '## {section.Name}' has no {what}: add a '### ' heading with {anchorCount} numbered anchors");
            return null;
        }

        return ok || partial ? result : null;
    }

    private static string? RenderItem(SourceFile file, ListItemBlock item)
    {
        var html = SafeMarkdown.RenderListItem(item);
        if (html is null)
        {
            file.Error(file.BodyLine(item.Line), NestedTooDeeply);
        }

        return html;
    }

    private static string Describe(Block block) => block switch
    {
        ParagraphBlock => "a paragraph",
        HeadingBlock h => $"a level-{h.Level} heading",
        ListBlock { IsOrdered: true } => "a numbered list",
        ListBlock => "a bullet list",
        CodeBlock => "a code block",
        QuoteBlock => "a quote",
        ThematicBreakBlock => "a horizontal rule",
        _ => "a " + block.GetType().Name.Replace("Block", string.Empty, StringComparison.Ordinal).ToLowerInvariant(),
    };
}
