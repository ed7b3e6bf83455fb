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
        var bytes = new ArrayBufferWriter<byte>();
        for (var i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));
            var span = bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(texts[i].Length));
            if (Utf8.FromUtf16(texts[i], span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return new CompactTextList(null, null, [.. texts]);
            }

            bytes.Advance(written);
            ends[i] = bytes.WrittenCount;
        }

        return new CompactTextList(bytes.WrittenSpan.ToArray(), ends, null);
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
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            if (Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                utf8 = [];
                return false;
            }

            utf8 = buffer.AsSpan(0, written).ToArray();
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
