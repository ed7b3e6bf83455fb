using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Questions;

public sealed record CustomQuestionSummary(int Id, string QuestionId, string Title, DateTime UpdatedUtc);

public sealed record CustomQuestionText(int Id, string AuthorId, string Title, string Markdown, int Version);

public sealed record CustomQuestionPage(IReadOnlyList<CustomQuestionSummary> Questions, int Total, int Page, int PageCount);

/// <summary>What saving a question came to: its id, or the errors (as <c>question:line: message</c>) that kept it from being saved.</summary>
public sealed record SaveQuestionOutcome(int? Id, IReadOnlyList<ContentError> Errors, bool ChangedElsewhere = false)
{
    public bool Saved => Id is not null && Errors.Count == 0 && !ChangedElsewhere;
}

/// <summary>Writes, edits and deletes questions written in the app. Each is its author's record, under the same access rule as the rest.</summary>
public sealed class CustomQuestionService(AppDbContext db, RecordAccess access, CatalogueProvider catalogue, TimeProvider clock)
{
    /// <summary>A question in the bank-file format to start from.</summary>
    public const string Template = """
        ---
        title: Tell me about a program you rescued
        skills: [project-management]
        level: tpm
        kind: behavioural
        minutes: 10
        ---

        ## Prompt

        Describe a program that was off track when you took it over. What did you find, what did you change, and what happened?

        ## What a strong answer covers

        - A clear picture of how far off track it was, with evidence.
        - The few changes that mattered most, and why those.
        - The outcome, measured, and what they would do differently.

        ## Rubric

        ### Diagnosis
        1. Describes symptoms only.
        2. Names a cause without evidence.
        3. Finds the main causes and backs them with evidence.
        4. Also shows how the causes interact and which one to fix first.

        ## Follow-ups

        - What would you have done if leadership had refused the new plan?
        """;

    public async Task<CustomQuestionPage> ListAsync(Viewer viewer, string authorId, int page, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, authorId, RecordKind.Question, AccessAction.Read, cancellationToken);
        var query = db.CustomQuestions.AsNoTracking().Where(q => q.AuthorId == authorId);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + CustomQuestionLimits.PageSize - 1) / CustomQuestionLimits.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(q => q.UpdatedUtc).ThenByDescending(q => q.Id)
            .Skip((page - 1) * CustomQuestionLimits.PageSize).Take(CustomQuestionLimits.PageSize)
            .Select(q => new { q.Id, q.Title, q.UpdatedUtc })
            .ToListAsync(cancellationToken);
        return new CustomQuestionPage(rows.Select(r => new CustomQuestionSummary(r.Id, QuestionSource.IdOf(r.Id), r.Title, r.UpdatedUtc)).ToList(), total, page, pageCount);
    }

    /// <summary>The text to edit, when the viewer may change the question; null otherwise.</summary>
    public async Task<CustomQuestionText?> FindAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var row = await db.CustomQuestions.AsNoTracking().Where(q => q.Id == id)
            .Select(q => new CustomQuestionText(q.Id, q.AuthorId, q.Title, q.Markdown, q.Version)).SingleOrDefaultAsync(cancellationToken);
        return row is not null && await access.AllowsAsync(viewer, row.AuthorId, RecordKind.Question, AccessAction.Write, cancellationToken) ? row : null;
    }

    public async Task<SaveQuestionOutcome> CreateAsync(Viewer viewer, string authorId, string markdown, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, authorId, RecordKind.Question, AccessAction.Write, cancellationToken);
        var (question, errors) = Parse(0, markdown);
        if (question is null)
        {
            return new SaveQuestionOutcome(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new CustomQuestion { AuthorId = authorId, Title = question.Title, Markdown = Normalise(markdown), CreatedUtc = now, UpdatedUtc = now, Version = 1 };
        db.CustomQuestions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveQuestionOutcome(row.Id, []);
    }

    /// <summary>Saves a new text over version <paramref name="version"/>; if someone saved in between, nothing is lost: the caller is told.</summary>
    public async Task<SaveQuestionOutcome?> UpdateAsync(Viewer viewer, int id, string markdown, int version, CancellationToken cancellationToken)
    {
        var row = await db.CustomQuestions.SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (row is null || !await access.AllowsAsync(viewer, row.AuthorId, RecordKind.Question, AccessAction.Write, cancellationToken))
        {
            return null;
        }

        var (question, errors) = Parse(id, markdown);
        if (question is null)
        {
            return new SaveQuestionOutcome(id, errors);
        }

        if (row.Version != version)
        {
            return new SaveQuestionOutcome(id, [], ChangedElsewhere: true);
        }

        row.Title = question.Title;
        row.Markdown = Normalise(markdown);
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveQuestionOutcome(id, [], ChangedElsewhere: true);
        }

        return new SaveQuestionOutcome(id, []);
    }

    /// <summary>Deletes the question; answers to it stay in the author's history under its title.</summary>
    public Task<bool> DeleteAsync(Viewer viewer, int id, CancellationToken cancellationToken) =>
        access.DeleteAsync(viewer, db.CustomQuestions.Where(q => q.Id == id), q => q.AuthorId, RecordKind.Question, cancellationToken);

    private (Question? Question, IReadOnlyList<ContentError> Errors) Parse(int id, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > CustomQuestionLimits.MaxLength)
        {
            return (null, [new ContentError("question", 1, $"the question is {markdown.Length:N0} characters; the limit is {CustomQuestionLimits.MaxLength:N0}")]);
        }

        return ContentLoader.ParseWrittenQuestion(QuestionSource.IdOf(Math.Max(id, 1)), "question", markdown, catalogue.Current);
    }

    private static string Normalise(string markdown) => markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
}
