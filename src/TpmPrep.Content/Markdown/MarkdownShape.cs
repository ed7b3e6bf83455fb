namespace TpmPrep.Content.Markdown;

/// <summary>
/// What one linear pass over the text can tell about the shapes that make Markdig's block parser slow
/// (deep nesting it only notices after opening every level; reference definitions and setext headings,
/// which cost a scan of everything before them). Past these limits the text is shown as plain text.
/// </summary>
internal readonly record struct MarkdownShape(int DeepestLinePrefix, int ReferenceDefinitionLines, int UnderlineLines)
{
    /// <summary>More than any real document has: at this count the quadratic work is still under a millisecond.</summary>
    public const int MaximumSlowLines = 256;

    public bool WithinLimits =>
        DeepestLinePrefix <= SafeMarkdown.MaximumNestingDepth && ReferenceDefinitionLines <= MaximumSlowLines && UnderlineLines <= MaximumSlowLines;

    public static MarkdownShape Measure(string text)
    {
        var deepest = 0;
        var definitions = 0;
        var underlines = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var depth = ContainerPrefix(line, out var restStart);
            var rest = line[restStart..];
            deepest = Math.Max(deepest, depth);
            if (rest.Length > 0 && rest[0] == '[' && rest.IndexOf("]:", StringComparison.Ordinal) > 0)
            {
                definitions++;
            }
            else if (IsUnderline(rest))
            {
                underlines++;
            }

            lineStart = lineEnd + 1;
        }

        return new MarkdownShape(deepest, definitions, underlines);
    }

    /// <summary>How many quote markers and list bullets or numbers open the line, and where what follows them starts.</summary>
    private static int ContainerPrefix(ReadOnlySpan<char> line, out int restStart)
    {
        var depth = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                i++;
            }
            else if (c == '>')
            {
                depth++;
                i++;
            }
            else if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
            {
                depth++;
                i += 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < line.Length && char.IsAsciiDigit(line[end]))
                {
                    end++;
                }

                if (end + 1 < line.Length && line[end] is '.' or ')' && line[end + 1] is ' ' or '\t')
                {
                    depth++;
                    i = end + 2;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        restStart = i;
        return depth;
    }

    private static bool IsUnderline(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimEnd();
        return trimmed.Length > 0 && (trimmed.IndexOfAnyExcept('=') < 0 || trimmed.IndexOfAnyExcept('-') < 0);
    }
}
