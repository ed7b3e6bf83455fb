using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Questions;

/// <summary>A question with where it comes from: a bank file (no author) or the app (its author).</summary>
public sealed record SourcedQuestion(Question Question, string? AuthorId, int? CustomId);

/// <summary>
/// The one place a question is looked up by id, whether it comes from a bank file or was written in the app: both
/// come back as the same <see cref="Question"/>, parsed by the same parser, so answering, grading, sessions, review
/// and export treat them alike. <see cref="FindForAsync"/> checks the viewer may read a written question;
/// the other look-ups serve services that already hold a record of the viewer's naming the question.
/// </summary>
public sealed class QuestionSource(CatalogueProvider catalogue, AppDbContext db, ParsedQuestionCache cache, RecordAccess access)
{
    public ContentCatalogue Catalogue => catalogue.Current;

    public static string IdOf(int customId) => ContentLoader.WrittenInAppIdPrefix + customId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The database id of a question written in the app, or null for a bank question id.</summary>
    public static int? CustomIdOf(string questionId) =>
        questionId.StartsWith(ContentLoader.WrittenInAppIdPrefix, StringComparison.Ordinal)
        && int.TryParse(questionId.AsSpan(ContentLoader.WrittenInAppIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    public async Task<SourcedQuestion?> FindAsync(string questionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        var current = catalogue.Current;
        if (current.FindQuestion(questionId) is { } bankQuestion)
        {
            return new SourcedQuestion(bankQuestion, null, null);
        }

        return CustomIdOf(questionId) is { } id ? (await FindWrittenAsync([id], current, cancellationToken)).GetValueOrDefault(id) : null;
    }

    /// <summary>
    /// A question as <paramref name="viewer"/> may open it: any bank question, for anyone (null: not signed in); a written
    /// one only if they may read its author's questions.
    /// </summary>
    public async Task<SourcedQuestion?> FindForAsync(Viewer? viewer, string questionId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(questionId, cancellationToken);
        return found?.AuthorId is not { } authorId ? found
            : viewer is not null && await access.AllowsAsync(viewer, authorId, RecordKind.Question, AccessAction.Read, cancellationToken) ? found
            : null;
    }

    /// <summary>Every question of <paramref name="questionIds"/> that still exists, by id, in one query at most.</summary>
    public async Task<IReadOnlyDictionary<string, Question>> FindManyAsync(IEnumerable<string> questionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        var current = catalogue.Current;
        var found = new Dictionary<string, Question>(StringComparer.Ordinal);
        var written = new List<int>();
        foreach (var questionId in questionIds.Distinct(StringComparer.Ordinal))
        {
            if (current.FindQuestion(questionId) is { } bankQuestion)
            {
                found[questionId] = bankQuestion;
            }
            else if (CustomIdOf(questionId) is { } id)
            {
                written.Add(id);
            }
        }

        foreach (var sourced in (await FindWrittenAsync(written, current, cancellationToken)).Values)
        {
            found[sourced.Question.Id] = sourced.Question;
        }

        return found;
    }

    /// <summary>The questions <paramref name="authorId"/> wrote that parse today, for building sessions.</summary>
    public async Task<IReadOnlyList<Question>> WrittenByAsync(string authorId, CancellationToken cancellationToken)
    {
        var ids = await db.CustomQuestions.AsNoTracking().Where(q => q.AuthorId == authorId).Select(q => q.Id).ToListAsync(cancellationToken);
        return (await FindWrittenAsync(ids, catalogue.Current, cancellationToken)).Values.Select(s => s.Question).ToList();
    }

    private async Task<Dictionary<int, SourcedQuestion>> FindWrittenAsync(List<int> ids, ContentCatalogue current, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // Versions first (small), texts only for what the cache lacks: a question is parsed once per version.
        var versions = await db.CustomQuestions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.AuthorId, q.Version }).ToListAsync(cancellationToken);
        var result = new Dictionary<int, SourcedQuestion>();
        var missing = new List<int>();
        foreach (var row in versions)
        {
            if (cache.TryGet(row.Id, row.Version, current) is { } cached)
            {
                if (cached.Question is not null)
                {
                    result[row.Id] = new SourcedQuestion(cached.Question, row.AuthorId, row.Id);
                }
            }
            else
            {
                missing.Add(row.Id);
            }
        }

        if (missing.Count > 0)
        {
            var texts = await db.CustomQuestions.AsNoTracking().Where(q => missing.Contains(q.Id))
                .Select(q => new { q.Id, q.AuthorId, q.Version, q.Markdown }).ToListAsync(cancellationToken);
            foreach (var row in texts)
            {
                var parsed = cache.Parse(row.Id, row.Version, row.Markdown, current);
                if (parsed.Question is not null)
                {
                    result[row.Id] = new SourcedQuestion(parsed.Question, row.AuthorId, row.Id);
                }
            }
        }

        return result;
    }
}

/// <summary>Questions written in the app, parsed and rendered once per version and content load, shared by all requests.</summary>
public sealed class ParsedQuestionCache
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    public sealed record Entry(int Version, ContentCatalogue Catalogue, Question? Question, IReadOnlyList<ContentError> Errors);

    public Entry? TryGet(int id, int version, ContentCatalogue catalogue) =>
        _entries.TryGetValue(id, out var entry) && entry.Version == version && ReferenceEquals(entry.Catalogue, catalogue) ? entry : null;

    public Entry Parse(int id, int version, string markdown, ContentCatalogue catalogue)
    {
        var (question, errors) = ContentLoader.ParseWrittenQuestion(QuestionSource.IdOf(id), "question", markdown, catalogue);
        var entry = new Entry(version, catalogue, question, errors);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[id] = entry;
        return entry;
    }
}
