using Humanizer;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Kits;

/// <summary>An exported kit: the zip's name and bytes, or why it could not be made.</summary>
public sealed record KitZip(string FileName, byte[] Bytes);

/// <summary>What reading a kit zip came to: the new kit, or the problems (as <c>path:line: message</c>) with nothing saved.</summary>
public sealed record KitImportOutcome(int? KitId, IReadOnlyList<string> Problems, int WrittenQuestions = 0);

/// <summary>
/// Exports a kit as a zip that is a content folder of its own (see <see cref="KitFormat"/>), checked by the content
/// loader before it is offered, and reads such a zip back into a new kit: questions that are in this instance's banks
/// are used from the banks, the others become questions written in the app by the importer, private to them.
/// </summary>
public sealed class KitPortability(KitService kits, AppDbContext db, RecordAccess access, CatalogueProvider catalogue, TpmPrepPaths paths, TimeProvider clock)
{
    public async Task<(KitZip? Zip, IReadOnlyList<string> Problems)?> ExportAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var kit = await kits.FindAsync(viewer, id, cancellationToken);
        if (kit is null)
        {
            return null;
        }

        var files = FilesOf(kit, await WrittenTextsAsync(kit, cancellationToken), catalogue.Current, out var problems);
        if (problems.Count == 0)
        {
            problems.AddRange(Check(files).Errors.Select(e => e.ToString()));
        }

        return problems.Count > 0 ? (null, problems) : (new KitZip(KitFormat.Slug(kit.Title) + ".zip", KitFormat.Zip(files)), []);
    }

    /// <summary>The files of the kit's content folder, or the problems that keep it from being one (a deleted question, say).</summary>
    public List<KitFile> FilesOf(KitView kit, IReadOnlyDictionary<string, string> writtenTexts, ContentCatalogue current, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(writtenTexts);
        ArgumentNullException.ThrowIfNull(current);
        problems = [];
        var bankId = KitFormat.Slug(kit.Title);
        var files = new List<KitFile>();
        var levelIds = new HashSet<string>(StringComparer.Ordinal);
        var areaIds = new HashSet<string>(kit.Focus, StringComparer.Ordinal);
        if (kit.LevelId is not null)
        {
            levelIds.Add(kit.LevelId);
        }

        foreach (var item in kit.Items)
        {
            if (item.Question is not { } question)
            {
                problems.Add($"question {item.Position} ({item.QuestionId}) no longer exists: remove it from the kit first");
                continue;
            }

            levelIds.Add(question.LevelId);
            areaIds.UnionWith(question.Skills);
            var fileId = item.Written ? $"{bankId}-q{item.Position:00}" : question.Id;
            var text = item.Written ? writtenTexts.GetValueOrDefault(item.QuestionId) is { } written ? KitFormat.WithId(written, fileId) : null : ReadSource(question.SourcePath);
            if (text is null)
            {
                problems.Add($"question {item.Position} ({question.Title}) could not be read");
                continue;
            }

            files.Add(new KitFile($"banks/{bankId}/{KitFormat.QuestionFileName(item.Position, fileId)}", text));
        }

        foreach (var level in current.Levels.Where(l => levelIds.Contains(l.Id)))
        {
            areaIds.UnionWith(level.Targets.Keys);
            AddSource(files, problems, $"skills/levels/{level.Id}.md", level.SourcePath);
        }

        foreach (var area in current.Skills.Where(s => areaIds.Contains(s.Id)))
        {
            AddSource(files, problems, $"skills/areas/{area.Id}.md", area.SourcePath);
        }

        var levelTitle = kit.LevelId is null ? null : current.Levels.FirstOrDefault(l => l.Id == kit.LevelId)?.Title;
        var summary = $"Interview kit{(levelTitle is null ? "" : " for " + levelTitle)}: {"question".ToQuantity(kit.Items.Count)}, {"minute".ToQuantity(kit.Minutes)}.";
        var (bank, _) = KitFormat.BankFile(bankId, kit.Title, summary, kit.Focus, kit.LevelId, kit.Instructions);
        files.Insert(0, new KitFile($"banks/{bankId}/_bank.md", bank));
        files.Insert(0, new KitFile("README.md", $"""
            # {kit.Title}

            An interview kit exported from TpmPrep: a content folder with one bank (the kit, with its level, focus skill
            areas and instructions) and the skill areas and levels its questions name. Check it with the app's
            `check-content <this folder>` command (in a clone: `dotnet run --project src/TpmPrep.Web -- check-content DIR`);
            import the zip on the app's Interview kits page to make it a kit again.
            """));
        return files;
    }

    /// <summary>Reads a kit zip into a new kit of <paramref name="ownerId"/>; all or nothing.</summary>
    public async Task<KitImportOutcome> ImportAsync(Viewer viewer, string ownerId, Stream zip, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionSet, AccessAction.Write, cancellationToken);
        await access.DemandAsync(viewer, ownerId, RecordKind.Question, AccessAction.Write, cancellationToken);
        var (files, error) = KitFormat.Unzip(zip);
        if (error is not null)
        {
            return new KitImportOutcome(null, [error]);
        }

        var check = Check(files);
        if (check.Errors.Count > 0)
        {
            return new KitImportOutcome(null, check.Errors.Select(e => e.ToString()).ToList());
        }

        if (check.Banks.Count != 1)
        {
            return new KitImportOutcome(null, [$"a kit zip holds one bank; this one holds {"bank".ToQuantity(check.Banks.Count)}"]);
        }

        var bank = check.Banks[0];
        if (bank.Questions.Count is 0 or > KitLimits.MaxQuestions)
        {
            return new KitImportOutcome(null, [$"a kit has 1 to {KitLimits.MaxQuestions} questions; this one has {bank.Questions.Count}"]);
        }

        var current = catalogue.Current;
        var bankFile = files.First(f => f.Path.EndsWith("/_bank.md", StringComparison.Ordinal));
        var byPath = files.ToDictionary(f => "kit/" + f.Path, StringComparer.Ordinal);
        var problems = new List<string>();
        var written = new List<(int Position, CustomQuestion Row)>();
        var questionIds = new List<string>();
        // The bank keeps its files' order (a kit's questions are numbered); a plain bank's questions come by file name too.
        var ordered = bank.LevelId is not null ? bank.Questions : bank.Questions.OrderBy(q => q.SourcePath, StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var question in ordered)
        {
            if (current.FindQuestion(question.Id) is not null)
            {
                questionIds.Add(question.Id);
                continue;
            }

            // Not in this instance's banks: it becomes a question the importer wrote, read by the same rules as one typed in.
            var text = KitFormat.WithoutId(byPath[question.SourcePath].Text);
            var (parsed, errors) = ContentLoader.ParseWrittenQuestion(QuestionSource.IdOf(1), question.SourcePath, text, current);
            if (parsed is null)
            {
                problems.AddRange(errors.Select(e => e.ToString()));
                continue;
            }

            var row = new CustomQuestion { AuthorId = ownerId, Title = parsed.Title, Markdown = text.Trim() + "\n", CreatedUtc = now, UpdatedUtc = now, Version = 1 };
            written.Add((questionIds.Count, row));
            questionIds.Add(string.Empty);
        }

        var details = new KitDetails(bank.Title, bank.LevelId, bank.Skills.Where(s => current.FindSkill(s) is not null).ToList(), KitFormat.BodyOf(bankFile.Text));
        problems.AddRange(kits.Check(details).Select(p => $"{bankFile.Path}: {p.Message}"));
        if (problems.Count > 0)
        {
            return new KitImportOutcome(null, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CustomQuestions.AddRange(written.Select(w => w.Row));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (position, row) in written)
        {
            questionIds[position] = QuestionSource.IdOf(row.Id);
        }

        var outcome = await kits.CreateAsync(viewer, ownerId, details, questionIds, cancellationToken);
        if (!outcome.Done)
        {
            return new KitImportOutcome(null, outcome.Problems.Select(p => p.Message).ToList());
        }

        await transaction.CommitAsync(cancellationToken);
        return new KitImportOutcome(outcome.Id, [], written.Count);
    }

    /// <summary>The files as the content loader reads them, from a folder of their own that is removed afterwards.</summary>
    public static ContentCatalogue Check(IReadOnlyList<KitFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var root = Path.Combine(Path.GetTempPath(), "tpmprep-kit-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in files)
            {
                var target = Path.GetFullPath(Path.Combine(root, file.Path));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, file.Text);
            }

            Directory.CreateDirectory(root);
            return ContentLoader.Load(root, "kit");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> WrittenTextsAsync(KitView kit, CancellationToken cancellationToken)
    {
        var ids = kit.Items.Where(i => i.Written).Select(i => QuestionSource.CustomIdOf(i.QuestionId)!.Value).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.CustomQuestions.Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Markdown }), cancellationToken);
        return rows.ToDictionary(r => QuestionSource.IdOf(r.Id), r => r.Markdown, StringComparer.Ordinal);
    }

    private void AddSource(List<KitFile> files, List<string> problems, string path, string sourcePath)
    {
        if (ReadSource(sourcePath) is { } text)
        {
            files.Add(new KitFile(path, text));
        }
        else
        {
            problems.Add($"{sourcePath} could not be read");
        }
    }

    /// <summary>A content file's text as it is on disk now, by the path the catalogue names it with (<c>content/…</c>).</summary>
    private string? ReadSource(string sourcePath)
    {
        const string Prefix = "content/";
        if (!sourcePath.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(paths.ContentPath, sourcePath[Prefix.Length..]));
        if (!full.StartsWith(paths.ContentPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(full);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
