using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace TpmPrep.Web.Kits;

/// <summary>One file of an exported kit: its path inside the content folder (with '/') and its text.</summary>
public sealed record KitFile(string Path, string Text);

/// <summary>
/// The Markdown form of an interview kit: a content folder holding one bank (<c>banks/ID/_bank.md</c>, with the kit's
/// level, focus areas as the bank's skill areas and the instructions as its introduction), one file per question
/// (<c>01-id.md</c>, in the kit's order) and the skill-area and level files they name, so that <c>check-content</c>
/// accepts the folder on its own. Reading a zip back is bounded in entries, sizes and names.
/// </summary>
public static partial class KitFormat
{
    public const int MaxZipBytes = 2 * 1024 * 1024;
    public const int MaxEntries = 200;
    public const int MaxEntryBytes = 256 * 1024;
    public const int MaxTotalBytes = 8 * 1024 * 1024;

    /// <summary>A kebab-case id from a title: <c>kit-</c> and its words, 3 to 60 characters.</summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = NonWord().Replace(title.ToLowerInvariant().Normalize(NormalizationForm.FormD), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));
        var slug = "kit";
        foreach (var word in words)
        {
            if (slug.Length + 1 + word.Length > 60)
            {
                break;
            }

            slug += "-" + word;
        }

        return slug == "kit" ? "kit-interview" : slug;
    }

    /// <summary>A YAML double-quoted scalar of one line.</summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var line = string.Concat(value.Where(c => !char.IsControl(c)));
        return "\"" + line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The bank file of a kit, and the line its instructions start on.</summary>
    public static (string Text, int InstructionsLine) BankFile(string bankId, string title, string summary, IReadOnlyList<string> focus, string? levelId, string instructions)
    {
        ArgumentNullException.ThrowIfNull(focus);
        ArgumentNullException.ThrowIfNull(instructions);
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("id: ").Append(bankId).Append('\n');
        text.Append("title: ").Append(Quoted(title)).Append('\n');
        text.Append("summary: ").Append(Quoted(summary)).Append('\n');
        text.Append("skills: [").Append(string.Join(", ", focus)).Append("]\n");
        if (levelId is not null)
        {
            text.Append("level: ").Append(levelId).Append('\n');
        }

        text.Append("---\n\n");
        var line = text.ToString().Count(c => c == '\n') + 1;
        var body = instructions.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        text.Append(body.Length == 0 ? "An interview kit exported from TpmPrep." : body).Append('\n');
        return (text.ToString(), line);
    }

    /// <summary>The file name of the question at <paramref name="position"/> (from 1): the number keeps the kit's order.</summary>
    public static string QuestionFileName(int position, string questionId) => position.ToString("00", CultureInfo.InvariantCulture) + "-" + questionId + ".md";

    /// <summary>A question written in the app (no id line) with <paramref name="id"/> written into its front matter.</summary>
    public static string WithId(string markdown, string id)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.StartsWith("---\n", StringComparison.Ordinal) ? "---\nid: " + id + "\n" + text[4..] : text;
    }

    /// <summary>A bank question's text without its <c>id</c> line, as a question written in the app is kept.</summary>
    public static string WithoutId(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return text;
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return text;
        }

        var frontMatter = string.Join('\n', text[4..end].Split('\n').Where(l => !IdLine().IsMatch(l)));
        return "---\n" + frontMatter + text[end..];
    }

    /// <summary>The text after a file's front matter.</summary>
    public static string BodyOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalised.StartsWith("---\n", StringComparison.Ordinal))
        {
            return normalised.Trim();
        }

        var end = normalised.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return string.Empty;
        }

        var after = normalised.IndexOf('\n', end + 4);
        return after < 0 ? string.Empty : normalised[(after + 1)..].Trim();
    }

    public static byte[] Zip(IEnumerable<KitFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                // A fixed time: the same kit gives the same bytes (and git sees no change when nothing changed).
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(file.Text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The Markdown files of a kit zip, or why it cannot be read: at most <see cref="MaxEntries"/> entries, each under
    /// <see cref="MaxEntryBytes"/> as it unpacks (whatever its header claims), names within the folder. One folder
    /// wrapping everything (as a zip of a folder has) is taken off.
    /// </summary>
    public static (IReadOnlyList<KitFile> Files, string? Error) Unzip(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var files = new List<KitFile>();
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return ([], $"the zip holds {zip.Entries.Count:N0} entries; a kit has at most {MaxEntries:N0}");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.EndsWith('/'))
                {
                    continue;
                }

                if (!SafePath().IsMatch(name) || name.Split('/').Any(part => part is "." or ".."))
                {
                    return ([], $"'{Shorten(name)}' is not a file name a content folder may hold (letters, digits, '-', '_' and '.', in folders)");
                }

                if (!name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                using var entryStream = entry.Open();
                var bytes = ReadBounded(entryStream, MaxEntryBytes);
                if (bytes is null)
                {
                    return ([], $"'{Shorten(name)}' unpacks to more than {MaxEntryBytes / 1024:N0} KB; a question file is far smaller");
                }

                total += bytes.Length;
                if (total > MaxTotalBytes)
                {
                    return ([], $"the zip unpacks to more than {MaxTotalBytes / (1024 * 1024):N0} MB");
                }

                files.Add(new KitFile(name, new UTF8Encoding(false, false).GetString(bytes)));
            }
        }
        catch (InvalidDataException ex)
        {
            return ([], "the file is not a zip that can be read: " + ex.Message);
        }

        var tops = files.Select(f => f.Path.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        if (tops.Count == 1 && tops[0] is not ("banks" or "skills") && files.All(f => f.Path.Contains('/', StringComparison.Ordinal)))
        {
            files = files.Select(f => f with { Path = f.Path[(tops[0].Length + 1)..] }).ToList();
        }

        return files.Count == 0 ? ([], "the zip holds no Markdown files") : (files, null);
    }

    private static byte[]? ReadBounded(Stream stream, int limit)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^\s*id\s*:")]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+){0,5}$")]
    private static partial Regex SafePath();
}
