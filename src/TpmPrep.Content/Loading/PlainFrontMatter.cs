using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TpmPrep.Content.Loading;

/// <summary>
/// The YAML events of front matter written in the plain shape content files use: <c>key: value</c> lines,
/// <c>key: [a, b]</c> lists, and a <c>key:</c> line over lines <c>  key: value</c> indented by two spaces.
/// YamlDotNet's general scanner costs about a third of a file's whole Markdown parse for those few lines;
/// these events cost a tenth of that and are the same events, position for position, that YamlDotNet's
/// parser gives. Anything outside this narrow shape (quotes, comments, '#' or ':' in a value, blank lines,
/// a repeated key, any doubt) gets no events here and goes to YamlDotNet, errors and all.
/// </summary>
internal sealed class PlainFrontMatter : IParser
{
    /// <summary>Characters that give a YAML plain scalar a meaning other than text when they start it.</summary>
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private readonly List<ParsingEvent> _events;
    private int _next;

    private PlainFrontMatter(List<ParsingEvent> events) => _events = events;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        Current = _next < _events.Count ? _events[_next++] : null;
        return Current is not null;
    }

    /// <summary>The events of <paramref name="yaml"/> when it has the plain shape; otherwise null, for YamlDotNet to parse.</summary>
    public static PlainFrontMatter? TryParse(string yaml)
    {
        if (yaml.Length == 0 || yaml[^1] == '\n')
        {
            return null;
        }

        var start = new Mark(0, 1, 1);
        var events = new List<ParsingEvent>(24)
        {
            new StreamStart(start, start),
            new DocumentStart(null, new TagDirectiveCollection(), true, start, start),
            new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start),
        };
        var keys = new List<string>(8);
        List<string>? nestedKeys = null; // The keys of the indented mapping being read, if any.
        var awaitingNested = false; // The last line was "key:" and its indented lines must follow.
        var line = 1;
        var lineStart = 0;
        while (lineStart < yaml.Length)
        {
            var lineEnd = yaml.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = yaml.Length;
            }

            var text = yaml.AsSpan(lineStart, lineEnd - lineStart);
            if (text.StartsWith("  "))
            {
                if (!awaitingNested && nestedKeys is null)
                {
                    return null;
                }

                if (Entry(yaml, lineStart, lineStart + 2, lineEnd, line, allowList: false, events, nestedKeys ??= new List<string>(8), openNested: awaitingNested) != EntryKind.Scalar)
                {
                    return null;
                }

                awaitingNested = false;
            }
            else
            {
                if (awaitingNested)
                {
                    return null;
                }

                if (nestedKeys is not null)
                {
                    var end = new Mark(lineStart, line, 1);
                    events.Add(new MappingEnd(end, end));
                    nestedKeys = null;
                }

                switch (Entry(yaml, lineStart, lineStart, lineEnd, line, allowList: true, events, keys, openNested: false))
                {
                    case EntryKind.None:
                        return null;
                    case EntryKind.Open:
                        awaitingNested = true;
                        break;
                }
            }

            lineStart = lineEnd + 1;
            line++;
        }

        if (awaitingNested)
        {
            return null;
        }

        // YamlDotNet ends the stream on a line of its own after the last one, at the text's end.
        var last = new Mark(yaml.Length, line, 1);
        if (nestedKeys is not null)
        {
            events.Add(new MappingEnd(last, last));
        }

        events.Add(new MappingEnd(last, last));
        events.Add(new DocumentEnd(true, last, last));
        events.Add(new StreamEnd(last, last));
        return new PlainFrontMatter(events);
    }

    private enum EntryKind
    {
        None,
        Scalar,
        Open,
    }

    /// <summary>
    /// One <c>key: value</c> entry from <paramref name="keyStart"/> to <paramref name="lineEnd"/>: its events added, or
    /// <see cref="EntryKind.None"/> when it is outside the plain shape. <see cref="EntryKind.Open"/> is a bare <c>key:</c>.
    /// </summary>
    private static EntryKind Entry(string yaml, int lineStart, int keyStart, int lineEnd, int line, bool allowList, List<ParsingEvent> events, List<string> keys, bool openNested)
    {
        var colon = keyStart;
        while (colon < lineEnd && IsKeyChar(yaml[colon], colon == keyStart))
        {
            colon++;
        }

        var keyLength = colon - keyStart;
        if (keyLength is 0 or > 64 || colon == lineEnd || yaml[colon] != ':')
        {
            return EntryKind.None;
        }

        var key = yaml.Substring(keyStart, keyLength);
        if (keys.Contains(key, StringComparer.Ordinal))
        {
            return EntryKind.None; // YamlDotNet reports a repeated key.
        }

        keys.Add(key);
        var keyMark = At(keyStart, line, lineStart);
        if (openNested)
        {
            events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, keyMark, keyMark));
        }

        events.Add(PlainScalar(key, keyMark, At(colon, line, lineStart), isKey: true));
        if (colon + 1 == lineEnd)
        {
            return allowList ? EntryKind.Open : EntryKind.None;
        }

        var valueStart = colon + 2;
        if (yaml[colon + 1] != ' ' || valueStart == lineEnd)
        {
            return EntryKind.None;
        }

        if (yaml[valueStart] == '[')
        {
            return allowList && List(yaml, lineStart, valueStart, lineEnd, line, events) ? EntryKind.Scalar : EntryKind.None;
        }

        var value = yaml.AsSpan(valueStart, lineEnd - valueStart);
        if (!IsPlainValue(value))
        {
            return EntryKind.None;
        }

        events.Add(PlainScalar(value.ToString(), At(valueStart, line, lineStart), At(lineEnd, line, lineStart), isKey: false));
        return EntryKind.Scalar;
    }

    /// <summary>A one-line flow list of plain ids, <c>[a, b-c, d]</c>, ending the line.</summary>
    private static bool List(string yaml, int lineStart, int open, int lineEnd, int line, List<ParsingEvent> events)
    {
        var close = lineEnd - 1;
        if (yaml[close] != ']')
        {
            return false;
        }

        var openMark = At(open, line, lineStart);
        events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, openMark, openMark));
        var position = SkipSpaces(yaml, open + 1, close);
        while (position < close)
        {
            var itemStart = position;
            while (position < close && IsListItemChar(yaml[position], position == itemStart))
            {
                position++;
            }

            if (position == itemStart)
            {
                return false;
            }

            events.Add(PlainScalar(yaml.Substring(itemStart, position - itemStart), At(itemStart, line, lineStart), At(position, line, lineStart), isKey: false));
            position = SkipSpaces(yaml, position, close);
            if (position == close)
            {
                break;
            }

            if (yaml[position] != ',')
            {
                return false;
            }

            position = SkipSpaces(yaml, position + 1, close);
            if (position == close)
            {
                return false; // A trailing comma: left to YamlDotNet.
            }
        }

        var closeMark = At(close, line, lineStart);
        events.Add(new SequenceEnd(closeMark, closeMark));
        return true;
    }

    /// <summary>A single-line plain value that YAML reads as exactly these characters, in any context.</summary>
    private static bool IsPlainValue(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || value[0] == ' ' || Indicators.Contains(value[0], StringComparison.Ordinal) || value[^1] == ' ')
        {
            return false;
        }

        foreach (var c in value)
        {
            var plain = c switch
            {
                '#' or ':' or '[' or ']' or '{' or '}' => false,
                >= ' ' and <= '~' => true,
                '\u2028' or '\u2029' or '\uFEFF' => false,
                >= '\u00A0' and <= '\uD7FF' => true,
                >= '\uE000' and <= '\uFFFD' => true,
                _ => false,
            };
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKeyChar(char c, bool first) =>
        char.IsAsciiLetter(c) || c == '_' || (!first && (char.IsAsciiDigit(c) || c == '-'));

    private static bool IsListItemChar(char c, bool first) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (!first && c is '-' or '.');

    private static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    /// <summary>A YamlDotNet position: the character index, the 1-based line and the 1-based column.</summary>
    private static Mark At(int index, int line, int lineStart) => new(index, line, index - lineStart + 1);

    private static Scalar PlainScalar(string value, Mark start, Mark end, bool isKey) =>
        new(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false, start, end, isKey);
}
