using System.Text.RegularExpressions;
using TpmPrep.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TpmPrep.Content.Loading;

/// <summary>
/// One content file split into its YAML front matter and Markdown body, collecting errors with the
/// file line they point at.
/// </summary>
internal sealed partial class SourceFile
{
    private readonly List<ContentError> _errors;
    private readonly HashSet<string> _knownKeys = new(StringComparer.Ordinal);

    private SourceFile(string path, string text, List<ContentError> errors)
    {
        Path = path;
        Text = text;
        _errors = errors;
    }

    public string Path { get; }

    /// <summary>The whole file with line endings normalised to \n.</summary>
    public string Text { get; }

    public YamlMappingNode? FrontMatter { get; private set; }

    public int FrontMatterLine { get; private set; } = 1;

    public string Body { get; private set; } = string.Empty;

    /// <summary>1-based file line of the body's first line.</summary>
    public int BodyStartLine { get; private set; } = 1;

    public int ErrorCount { get; private set; }

    public static SourceFile Read(string path, string rawText, List<ContentError> errors)
    {
        var file = new SourceFile(path, rawText.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), errors);
        file.SplitFrontMatter();
        return file;
    }

    public void Error(int line, string message)
    {
        ErrorCount++;
        _errors.Add(new ContentError(Path, line, message));
    }

    public void Error(YamlNode? node, string message) => Error(LineOf(node), message);

    public int LineOf(YamlNode? node) => node is null ? FrontMatterLine : (int)node.Start.Line + 1;

    /// <summary>Converts a 0-based line of the body to a 1-based line of the file.</summary>
    public int BodyLine(int zeroBasedLine) => BodyStartLine + zeroBasedLine;

    private void SplitFrontMatter()
    {
        // Works on line offsets rather than split lines: the same pieces, without copying every line twice.
        var text = Text;
        var lineEnd = LineEnd(text, 0);
        if (!text.AsSpan(0, lineEnd).TrimEnd().SequenceEqual("---"))
        {
            Error(1, "missing front matter: the file must start with a line '---'");
            return;
        }

        var yamlStart = Math.Min(lineEnd + 1, text.Length);
        var close = -1;
        var closeStart = -1;
        for (int line = 1, start = lineEnd + 1; start <= text.Length; line++)
        {
            var end = LineEnd(text, start);
            if (text.AsSpan(start, end - start).TrimEnd() is "---" or "...")
            {
                close = line;
                closeStart = start;
                break;
            }

            start = end + 1;
        }

        if (close < 0)
        {
            Error(1, "front matter is not closed: add a line '---' after it");
            return;
        }

        var yaml = close == 1 ? string.Empty : text[yamlStart..(closeStart - 1)];
        BodyStartLine = close + 2;
        var closeEnd = LineEnd(text, closeStart);
        Body = closeEnd < text.Length ? text[(closeEnd + 1)..] : string.Empty;
        try
        {
            var stream = new YamlStream();
            if (PlainFrontMatter.TryParse(yaml) is { } plain)
            {
                stream.Load(plain);
            }
            else
            {
                stream.Load(new StringReader(yaml));
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                Error(2, "front matter must be a set of 'key: value' fields");
                return;
            }

            FrontMatter = mapping;
            FrontMatterLine = 2;
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + 1;
            Error(Math.Max(2, line), "front matter is not valid YAML: " + FirstLine(ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, without a position, for some unterminated flow collections ("[a, b").
            Error(2, "front matter is not valid YAML: check for an unclosed '[', '{' or quote");
        }
    }

    /// <summary>Where the line starting at <paramref name="start"/> ends: its '\n', or the end of the text.</summary>
    private static int LineEnd(string text, int start)
    {
        var newline = start < text.Length ? text.IndexOf('\n', start) : -1;
        return newline < 0 ? text.Length : newline;
    }

    private static string FirstLine(string message)
    {
        var text = message.Split('\n')[0].Trim();
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: 20) - (Line: ...): ".
        var cleaned = YamlPositionPrefix().Replace(text, string.Empty);
        return cleaned.Length == 0 ? text : cleaned;
    }

    public YamlNode? Field(string key)
    {
        _knownKeys.Add(key);
        if (FrontMatter is null)
        {
            return null;
        }

        return FrontMatter.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    public string? RequiredString(string key, int maxLength)
    {
        var node = Field(key);
        if (FrontMatter is null)
        {
            return null;
        }

        if (node is null)
        {
            Error(FrontMatterLine, $"missing required field '{key}'");
            return null;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(node, $"field '{key}' must be non-empty text");
            return null;
        }

        var value = scalar.Value.Trim();
        if (value.Length > maxLength)
        {
            Error(node, $"field '{key}' is {value.Length} characters long; the limit is {maxLength}");
            return null;
        }

        return value;
    }

    public string? RequiredId(string key)
    {
        var value = RequiredString(key, 80);
        if (value is null)
        {
            return null;
        }

        if (!IsId(value))
        {
            Error(Field(key), $"field '{key}' is '{value}', which is not a kebab-case id (a-z, 0-9 and single hyphens, 3 to 80 characters)");
            return null;
        }

        return value;
    }

    /// <summary>The id, title and sort order every skill area, level and bank has.</summary>
    public (string? Id, string? Title, int Order) Identity(int titleLimit = 80) =>
        (RequiredId("id"), RequiredString("title", titleLimit), Integer("order", 0, 10_000, required: false) ?? 1000);

    public int? Integer(string key, int min, int max, bool required)
    {
        var node = Field(key);
        if (FrontMatter is null)
        {
            return null;
        }

        if (node is null)
        {
            if (required)
            {
                Error(FrontMatterLine, $"missing required field '{key}'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar || !int.TryParse(scalar.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"field '{key}' must be a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, $"field '{key}' is {value}; it must be from {min} to {max}");
            return null;
        }

        return value;
    }

    /// <summary>A list of ids; each must satisfy <paramref name="exists"/>.</summary>
    public IReadOnlyList<string>? IdList(string key, int min, int max, Func<string, bool> exists, string what)
    {
        var node = Field(key);
        if (FrontMatter is null)
        {
            return null;
        }

        if (node is null)
        {
            Error(FrontMatterLine, $"missing required field '{key}'");
            return null;
        }

        IEnumerable<YamlNode> items = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value) => [scalar],
            _ => [],
        };

        var result = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } raw } || raw.Trim().Length == 0)
            {
                Error(item, $"field '{key}' must list {what} ids");
                ok = false;
                continue;
            }

            var id = raw.Trim();
            if (!exists(id))
            {
                Error(item, $"unknown {what} '{id}' in '{key}'");
                ok = false;
            }
            else if (result.Contains(id, StringComparer.Ordinal))
            {
                Error(item, $"{what} '{id}' is listed twice in '{key}'");
                ok = false;
            }
            else
            {
                result.Add(id);
            }
        }

        if (ok && (result.Count < min || result.Count > max))
        {
            Error(node, $"field '{key}' lists {result.Count} {what} ids; it must list from {min} to {max}");
            return null;
        }

        return ok ? result : null;
    }

    /// <summary>Reports every front-matter key no accessor asked for (catches typos such as 'levl').</summary>
    public void RejectUnknownFields()
    {
        if (FrontMatter is null)
        {
            return;
        }

        foreach (var (keyNode, _) in FrontMatter.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!_knownKeys.Contains(key))
            {
                Error(keyNode, $"unknown field '{key}' (expected one of: {string.Join(", ", _knownKeys)})");
            }
        }
    }

    public static bool IsId(string value) => value.Length is >= 3 and <= 80 && IdPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPositionPrefix();
}
