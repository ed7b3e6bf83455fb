using System.Buffers;
using System.Text;
using TpmPrep.Content.Model;

namespace TpmPrep.Content.Loading;

/// <summary>
/// One load of a content folder: the errors found so far, the files kept from the previous catalogue,
/// and file-system access that reports every problem as an error instead of throwing.
/// </summary>
internal sealed class LoadContext
{
    private readonly string _displayRoot;
    private readonly string _realRoot;
    private readonly Dictionary<string, object> _previousByPath = new(StringComparer.Ordinal);

    public LoadContext(string root, string displayRoot, ContentCatalogue? previous)
    {
        Root = Path.GetFullPath(root);
        _displayRoot = displayRoot;
        Previous = previous;
        _realRoot = RealPath(Root);
        if (previous is null)
        {
            return;
        }

        foreach (var skill in previous.Skills)
        {
            _previousByPath[skill.SourcePath] = skill;
        }

        foreach (var level in previous.Levels)
        {
            _previousByPath[level.SourcePath] = level;
        }

        foreach (var bank in previous.Banks)
        {
            _previousByPath[bank.SourcePath] = bank;
            foreach (var question in bank.Questions)
            {
                _previousByPath[question.SourcePath] = question;
            }
        }

        foreach (var loop in previous.Loops)
        {
            _previousByPath[loop.SourcePath] = loop;
            foreach (var kit in loop.Kits)
            {
                _previousByPath[kit.SourcePath] = kit;
            }
        }
    }

    public string Root { get; }

    public ContentCatalogue? Previous { get; }

    public List<ContentError> Errors { get; } = [];

    public HashSet<string> Kept { get; } = new(StringComparer.Ordinal);

    public List<ContentError> SortedErrors() => Errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();

    public string Display(string path)
    {
        var relative = PlainRelativePath(path) ?? Path.GetRelativePath(Root, Path.GetFullPath(path));
        return (relative == "." ? _displayRoot : Path.Combine(_displayRoot, relative)).Replace('\\', '/');
    }

    /// <summary>
    /// The part of <paramref name="path"/> after <see cref="Root"/> when that is all it takes: a path listed under the root,
    /// already full and normalised (no empty, '.' or '..' segment), where Path.GetFullPath and Path.GetRelativePath would
    /// give the same answer. Null otherwise, and on Windows, where paths compare without regard to case.
    /// </summary>
    private string? PlainRelativePath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var prefixLength = Root.EndsWith('/') ? Root.Length : Root.Length + 1;
        if (path.Length <= prefixLength || !path.StartsWith(Root, StringComparison.Ordinal) || path[prefixLength - 1] != '/')
        {
            return null;
        }

        var rest = path.AsSpan(prefixLength);
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.Length == 0 || segment is "." or "..")
            {
                return null;
            }

            if (slash < 0)
            {
                return path[prefixLength..];
            }

            rest = rest[(slash + 1)..];
        }
    }

    public void Keep(string path) => Kept.Add(Display(path));

    public SkillArea? PreviousSkill(string path) => _previousByPath.GetValueOrDefault(Display(path)) as SkillArea;

    public Level? PreviousLevel(string path) => _previousByPath.GetValueOrDefault(Display(path)) as Level;

    public QuestionBank? PreviousBank(string path) => _previousByPath.GetValueOrDefault(Display(path)) as QuestionBank;

    public Question? PreviousQuestion(string path) => _previousByPath.GetValueOrDefault(Display(path)) as Question;

    public InterviewLoop? PreviousLoop(string path) => _previousByPath.GetValueOrDefault(Display(path)) as InterviewLoop;

    public ReadyKit? PreviousKit(string path) => _previousByPath.GetValueOrDefault(Display(path)) as ReadyKit;

    /// <summary>
    /// Every Markdown file of a folder, opened (null where it could not be read, the error reported). When the
    /// folder itself is missing, it is reported once and the previous catalogue's files in it come back
    /// unopened, so that they are kept.
    /// </summary>
    public IEnumerable<(string Path, SourceFile? File)> OpenAll(string folder, string missingMessage)
    {
        if (!Directory.Exists(folder))
        {
            Errors.Add(new ContentError(Display(folder), 0, missingMessage));
            var prefix = Display(folder) + "/";
            return _previousByPath.Keys
                .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !p[prefix.Length..].Contains('/', StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(p => (Path.Combine(Root, Path.GetRelativePath(_displayRoot, p)), (SourceFile?)null))
                .ToList();
        }

        return MarkdownFiles(folder).Select(path => (path, Open(path))).ToList();
    }

    /// <summary>The Markdown files directly in a folder, in name order; links to outside the content folder are reported and skipped.</summary>
    public IReadOnlyList<string> MarkdownFiles(string folder) =>
        Entries(folder, () => Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly), path => new FileInfo(path));

    /// <summary>The sub-folders of a folder, in name order; links to outside the content folder are reported and skipped.</summary>
    public IReadOnlyList<string> Folders(string folder) =>
        Entries(folder, () => Directory.EnumerateDirectories(folder), path => new DirectoryInfo(path));

    public SourceFile? Open(string path) => Open(path, Errors);

    /// <summary>Opens a file, reporting its problems into <paramref name="errors"/> (a list of the caller's, when files are read in parallel).</summary>
    public SourceFile? Open(string path, List<ContentError> errors)
    {
        var display = Display(path);
        try
        {
            // One open for the size check and the read: no separate look-up of the file first. The bytes only
            // live until they are decoded, so they go in a pooled buffer.
            string text;
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                long length;
                try
                {
                    length = RandomAccess.GetLength(handle);
                }
                catch (NotSupportedException)
                {
                    // A pipe or device, with no length to look up: read it in order, up to the limit.
                    length = -1;
                }

                if (length > ContentLoader.MaxFileBytes)
                {
                    errors.Add(new ContentError(display, 1, $"file is {length / 1024} KiB; the limit is {ContentLoader.MaxFileBytes / 1024} KiB"));
                    return null;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(length < 0 ? ContentLoader.MaxFileBytes + 1 : (int)length);
                try
                {
                    var read = length < 0 ? ReadInOrder(handle, buffer, ContentLoader.MaxFileBytes + 1) : ReadAll(handle, buffer, (int)length);
                    if (read > ContentLoader.MaxFileBytes)
                    {
                        errors.Add(new ContentError(display, 1, $"file is over {ContentLoader.MaxFileBytes / 1024} KiB, the limit"));
                        return null;
                    }

                    if (!TryDecodeUtf8(buffer.AsSpan(0, read), out text, out var badLine, out var badColumn))
                    {
                        errors.Add(new ContentError(display, badLine, $"not valid UTF-8 (column {badColumn}): save the file as UTF-8"));
                        return null;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            return SourceFile.Read(display, text, errors);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException || (ex is UnauthorizedAccessException && Directory.Exists(path)))
        {
            // Gone since the folder was listed (or no longer a file at all).
            errors.Add(new ContentError(display, 0, "file disappeared while the content was loading"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            errors.Add(new ContentError(display, 1, "cannot read file: " + ex.Message));
            return null;
        }
    }

    /// <summary>Reads a file that cannot seek (a pipe) from where it stands, up to <paramref name="limit"/> bytes; how many it read.</summary>
    private static int ReadInOrder(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, int limit)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        var read = 0;
        while (read < limit)
        {
            var count = stream.Read(buffer, read, limit - read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return read;
    }

    /// <summary>Reads up to <paramref name="length"/> bytes into <paramref name="buffer"/>; how many it read (fewer if the file shrank).</summary>
    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, int length)
    {
        var read = 0;
        while (read < length)
        {
            var count = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return read;
    }

    /// <summary>Strict UTF-8 (an initial byte-order mark is allowed); on failure, the 1-based line and column of the first bad byte.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, out string text, out int line, out int column)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // The usual case, checked and decoded at vector speed, straight into the string.
            text = Encoding.UTF8.GetString(bytes);
            line = column = 0;
            return true;
        }

        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            text = new string(chars, 0, written);
            line = column = 0;
            return true;
        }

        var before = bytes[..read];
        line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        text = string.Empty;
        return false;
    }

    private List<string> Entries(string folder, Func<IEnumerable<string>> enumerate, Func<string, FileSystemInfo> info)
    {
        List<string> paths;
        try
        {
            paths = enumerate().Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Errors.Add(new ContentError(Display(folder), 0, "cannot read folder: " + ex.Message));
            return [];
        }

        var inside = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            if (IsLinkToOutside(info(path)))
            {
                Errors.Add(new ContentError(Display(path), 0, "is a link to outside the content folder, so it is not read"));
            }
            else
            {
                inside.Add(path);
            }
        }

        return inside;
    }

    private bool IsLinkToOutside(FileSystemInfo entry)
    {
        try
        {
            if (entry.LinkTarget is null)
            {
                return false;
            }

            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null)
            {
                return true;
            }

            var real = RealPath(target.FullName);
            return !real.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true; // A link that cannot be followed is not read either.
        }
    }

    /// <summary>The path with every linked folder on the way resolved, so that "inside the content folder" means what it says.</summary>
    private static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            try
            {
                var info = new DirectoryInfo(current);
                if (info.LinkTarget is not null && depth < 40 && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                {
                    current = RealPath(target.FullName, depth + 1);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return current;
            }
        }

        return current;
    }
}
