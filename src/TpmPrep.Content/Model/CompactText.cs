using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Unicode;

namespace TpmPrep.Content.Model;

/// <summary>
/// Rendered HTML kept in memory as UTF-8 and turned back into a string when read. A catalogue holds every
/// question's HTML for as long as the app runs; HTML is nearly all ASCII, so UTF-8 takes about half the
/// memory of a .NET string. Reading costs one vectorised copy, made for the page that asks. Text that
/// UTF-8 cannot carry exactly (a lone surrogate) stays a string, so every text reads back as it was given.
/// </summary>
internal sealed class CompactText : IEquatable<CompactText>
{
    private readonly byte[]? _utf8;
    private readonly string? _text;

    private CompactText(byte[]? utf8, string? text)
    {
        _utf8 = utf8;
        _text = text;
    }

    public static CompactText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompactUtf8.TryEncode(text, out var utf8) ? new CompactText(utf8, null) : new CompactText(null, text);
    }

    public override string ToString() => _text ?? Encoding.UTF8.GetString(_utf8!);

    public bool Equals(CompactText? other) =>
        other is not null && (_utf8 is not null && other._utf8 is not null ? _utf8.AsSpan().SequenceEqual(other._utf8) : ToString() == other.ToString());

    public override bool Equals(object? obj) => Equals(obj as CompactText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}

/// <summary>
/// A read-only list of rendered HTML texts kept as UTF-8 in one array (see <see cref="CompactText"/>); each item is
/// turned back into a string when read.
/// </summary>
internal sealed class CompactTextList : IReadOnlyList<string>
{
    private readonly byte[]? _utf8;
    private readonly int[]? _ends;
    private readonly string[]? _texts;

    private CompactTextList(byte[]? utf8, int[]? ends, string[]? texts)
    {
        _utf8 = utf8;
        _ends = ends;
        _texts = texts;
    }

    public int Count => _ends?.Length ?? _texts!.Length;

    public string this[int index]
    {
        get
        {
            if (_texts is not null)
            {
                return _texts[index];
            }

            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _ends!.Length);
            var start = index == 0 ? 0 : _ends[index - 1];
            return Encoding.UTF8.GetString(_utf8!, start, _ends[index] - start);
        }
    }

    public static IReadOnlyList<string> From(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts is CompactTextList compact)
        {
            return compact;
        }

        var ends = new int[texts.Count];
        var total = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));
            total += Encoding.UTF8.GetByteCount(texts[i]);
            ends[i] = total;
        }

        var utf8 = new byte[total];
        for (var i = 0; i < texts.Count; i++)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            if (!CompactUtf8.TryEncode(texts[i], utf8.AsSpan(start, ends[i] - start)))
            {
                return new CompactTextList(null, null, [.. texts]);
            }
        }

        return new CompactTextList(utf8, ends, null);
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal static class CompactUtf8
{
    /// <summary>The exact UTF-8 of <paramref name="text"/>; false when it has a lone surrogate, which UTF-8 cannot carry.</summary>
    public static bool TryEncode(string text, out byte[] utf8)
    {
        utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
        return TryEncode(text, utf8);
    }

    /// <summary>
    /// Fills <paramref name="destination"/>, sized by <see cref="Encoding.GetByteCount(string)"/>, with the UTF-8 of
    /// <paramref name="text"/>; false when the text has a lone surrogate (the count then allowed for a replacement).
    /// </summary>
    public static bool TryEncode(string text, Span<byte> destination) =>
        Utf8.FromUtf16(text, destination, out var read, out var written, replaceInvalidSequences: false) == OperationStatus.Done
        && read == text.Length && written == destination.Length;
}
