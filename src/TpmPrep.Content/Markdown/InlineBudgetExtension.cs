using System.Buffers;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TpmPrep.Content.Markdown;

/// <summary>
/// Keeps inline parsing linear. Markdig matches emphasis and link delimiters with a scan back over every
/// open delimiter of the paragraph, so one paragraph with thousands of them costs seconds. A paragraph,
/// heading or table with more than <see cref="MaximumDelimitersPerBlock"/> delimiter characters (or
/// <see cref="MaximumPipesPerBlock"/> table pipes) is not parsed for inlines: it is shown as its plain
/// text, and every other block renders as usual.
/// </summary>
public sealed class InlineBudgetExtension : IMarkdownExtension
{
    /// <summary>
    /// Far above what prose needs (a paragraph with twenty bold phrases and ten links uses about 120), and
    /// low enough that a block at the limit costs a small multiple of plain text of the same length.
    /// </summary>
    public const int MaximumDelimitersPerBlock = 256;

    /// <summary>Table cells cost far less than emphasis, so a block may have many more of them: a table of 500 rows of 8 columns.</summary>
    public const int MaximumPipesPerBlock = 4096;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed -= OnBlockClosed;
            parser.Closed += OnBlockClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Counts the characters that open or close an inline (emphasis, strike-through, links, images, code, autolinks).</summary>
    public static int CountDelimiters(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = text.IndexOfAny(DelimitersAndW); i >= 0; i = text.IndexOfAny(DelimitersAndW))
        {
            if (text[i] != 'w' || text[i..].StartsWith("www.", StringComparison.Ordinal))
            {
                count++; // A 'w' counts only where an autolink without a scheme starts.
            }

            text = text[(i + 1)..];
        }

        return count;
    }

    /// <summary>The delimiter characters, and 'w' for "www." autolinks: searched for many at a time rather than one by one.</summary>
    private static readonly SearchValues<char> DelimitersAndW = SearchValues.Create("*_~[]!`<>=^+:\\&()w");

    private static void OnBlockClosed(BlockProcessor processor, Block block)
    {
        if (block is not LeafBlock { ProcessInlines: true } leaf || leaf.Lines.Lines is null)
        {
            return;
        }

        var count = 0;
        var pipes = 0;
        for (var i = 0; i < leaf.Lines.Count; i++)
        {
            var line = leaf.Lines.Lines[i].Slice.AsSpan();
            count += CountDelimiters(line);
            pipes += line.Count('|');
            if (count > MaximumDelimitersPerBlock || pipes > MaximumPipesPerBlock)
            {
                ShowAsPlainText(leaf);
                return;
            }
        }
    }

    private static void ShowAsPlainText(LeafBlock leaf)
    {
        leaf.ProcessInlines = false;
        var root = new ContainerInline();
        for (var i = 0; i < leaf.Lines.Count; i++)
        {
            if (i > 0)
            {
                root.AppendChild(new LineBreakInline());
            }

            root.AppendChild(new LiteralInline(leaf.Lines.Lines[i].Slice.ToString()));
        }

        leaf.Inline = root;
    }
}
