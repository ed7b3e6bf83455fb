using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Kits;

/// <summary>A kit in a list: enough to pick it.</summary>
public sealed record KitSummary(int Id, string Title, string? LevelId, int QuestionCount, int Minutes, DateTime UpdatedUtc);

/// <summary>One question of a kit: the question as it is today, or null when it no longer exists (deleted, or gone from the banks).</summary>
public sealed record KitItem(int ItemId, int Position, string QuestionId, Question? Question, bool Written);

/// <summary>A kit with its questions, in order.</summary>
public sealed record KitView(
    int Id,
    string OwnerId,
    string Title,
    string? LevelId,
    IReadOnlyList<string> Focus,
    string Instructions,
    int Version,
    DateTime UpdatedUtc,
    IReadOnlyList<KitItem> Items)
{
    public IEnumerable<Question> Questions => Items.Where(i => i.Question is not null).Select(i => i.Question!);

    public int Minutes => Questions.Sum(q => q.Minutes);

    public KitCoverage Coverage => KitCoverage.Of(Focus, Questions);
}

/// <summary>What a hiring manager types about a kit.</summary>
public sealed record KitDetails(string Title, string? LevelId, IReadOnlyList<string> Focus, string Instructions);

/// <summary>A problem with what was typed, named by the field it belongs to.</summary>
public sealed record KitProblem(string Field, string Message);

/// <summary>The outcome of a change to a kit: done, or the problems that stopped it (nothing saved).</summary>
public sealed record KitOutcome(int? Id, IReadOnlyList<KitProblem> Problems)
{
    public bool Done => Problems.Count == 0;

    public static KitOutcome Refused(string field, string message) => new(null, [new KitProblem(field, message)]);
}

/// <summary>
/// Builds and changes interview kits. A kit is its owner's record (<see cref="RecordKind.QuestionSet"/>), under the one
/// access rule; a kit another person cannot see is, to them, a kit that does not exist.
/// </summary>
public sealed class KitService(AppDbContext db, RecordAccess access, QuestionSource questions, CatalogueProvider catalogue, TimeProvider clock)
{
    public async Task<Paged<KitSummary>> ListAsync(Viewer viewer, string ownerId, int page, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionSet, AccessAction.Read, cancellationToken);
        var query = db.QuestionSets.AsNoTracking().Where(s => s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.Interview);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + KitLimits.PageSize - 1) / KitLimits.PageSize));
        var rows = await query.OrderByDescending(s => s.UpdatedUtc).ThenByDescending(s => s.Id)
            .Skip(Paging.Skip(page, KitLimits.PageSize)).Take(KitLimits.PageSize)
            .Select(s => new { s.Id, s.Title, s.LevelId, s.UpdatedUtc })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var items = await db.QuestionSetItems.AsNoTracking().Where(i => ids.Contains(i.SetId)).Select(i => new { i.SetId, i.QuestionId }).ToListAsync(cancellationToken);
        var found = await questions.FindManyAsync(items.Select(i => i.QuestionId), cancellationToken);
        var summaries = rows.Select(r =>
        {
            var mine = items.Where(i => i.SetId == r.Id).ToList();
            return new KitSummary(r.Id, r.Title, r.LevelId, mine.Count, mine.Sum(i => found.GetValueOrDefault(i.QuestionId)?.Minutes ?? 0), r.UpdatedUtc);
        }).ToList();
        return new Paged<KitSummary>(summaries, total, page, KitLimits.PageSize);
    }

    /// <summary>The kit, when the viewer may read it; null otherwise (shown as 404).</summary>
    public async Task<KitView?> FindAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var owner = await db.QuestionSets.AsNoTracking().Where(s => s.Id == id && s.Purpose == QuestionSetPurpose.Interview)
            .Select(s => s.OwnerId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || !await access.AllowsAsync(viewer, owner, RecordKind.QuestionSet, AccessAction.Read, cancellationToken))
        {
            return null;
        }

        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>
    /// A kit as the interviewers of a plan carry it: only for the plan service, once it has checked that the viewer is
    /// on the plan that uses the kit (membership of a plan opens its kits, and nothing else of the owner's).
    /// </summary>
    internal Task<KitView?> ForPlanMemberAsync(int id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    private async Task<KitView?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.QuestionSets.AsNoTracking().Where(s => s.Id == id && s.Purpose == QuestionSetPurpose.Interview)
            .Select(s => new { s.Id, s.OwnerId, s.Title, s.LevelId, s.FocusSkills, s.Instructions, s.Version, s.UpdatedUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var items = await db.QuestionSetItems.AsNoTracking().Where(i => i.SetId == id).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.QuestionId }).ToListAsync(cancellationToken);
        var found = await questions.FindManyAsync(items.Select(i => i.QuestionId), cancellationToken);
        var kitItems = items.Select((i, n) => new KitItem(i.Id, n + 1, i.QuestionId, found.GetValueOrDefault(i.QuestionId), QuestionSource.CustomIdOf(i.QuestionId) is not null)).ToList();
        return new KitView(row.Id, row.OwnerId, row.Title, row.LevelId, SplitFocus(row.FocusSkills), row.Instructions, row.Version, row.UpdatedUtc, kitItems);
    }

    /// <summary>The kits of <paramref name="ownerId"/> by title, for choosing among them (no paging: for forms, at most 200).</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> TitlesAsync(Viewer viewer, string ownerId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionSet, AccessAction.Read, cancellationToken);
        var rows = await db.QuestionSets.AsNoTracking().Where(s => s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.Interview)
            .OrderBy(s => s.Title).ThenBy(s => s.Id).Take(200).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Title)).ToList();
    }

    /// <summary>The question ids of the viewer's kits among <paramref name="kitIds"/>, for leaving them out of a new kit.</summary>
    public async Task<IReadOnlySet<string>> QuestionIdsOfAsync(Viewer viewer, string ownerId, IReadOnlyCollection<int> kitIds, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionSet, AccessAction.Read, cancellationToken);
        var ids = kitIds.ToList();
        var rows = await db.QuestionSetItems.AsNoTracking()
            .Where(i => ids.Contains(i.SetId) && db.QuestionSets.Any(s => s.Id == i.SetId && s.OwnerId == ownerId))
            .Select(i => i.QuestionId).ToListAsync(cancellationToken);
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<KitOutcome> CreateAsync(Viewer viewer, string ownerId, KitDetails details, IReadOnlyList<string> questionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionSet, AccessAction.Write, cancellationToken);
        var problems = Check(details);
        if (questionIds.Count > KitLimits.MaxQuestions)
        {
            problems.Add(new KitProblem("Questions", $"A kit holds at most {KitLimits.MaxQuestions} questions."));
        }

        if (problems.Count > 0)
        {
            return new KitOutcome(null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var set = new QuestionSet
        {
            OwnerId = ownerId, Purpose = QuestionSetPurpose.Interview, CreatedUtc = now, UpdatedUtc = now, Version = 1,
            Items = questionIds.Distinct(StringComparer.Ordinal).Select((q, i) => new QuestionSetItem { Position = i + 1, QuestionId = q }).ToList(),
        };
        Apply(set, details);
        db.QuestionSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        return new KitOutcome(set.Id, []);
    }

    /// <summary>Saves new details over version <paramref name="version"/>; null when the viewer may not change the kit.</summary>
    public async Task<KitOutcome?> UpdateAsync(Viewer viewer, int id, KitDetails details, int version, CancellationToken cancellationToken)
    {
        var set = await WritableAsync(viewer, id, cancellationToken);
        if (set is null)
        {
            return null;
        }

        var problems = Check(details);
        if (problems.Count > 0)
        {
            return new KitOutcome(id, problems);
        }

        if (set.Version != version)
        {
            return KitOutcome.Refused("", "This kit was changed in another tab or by someone else since you opened it. What you typed is below: copy what you need, then reload.");
        }

        Apply(set, details);
        return await SaveAsync(set, cancellationToken);
    }

    /// <summary>Adds a question the viewer may read (a bank question, or one they wrote) at the end.</summary>
    public async Task<KitOutcome?> AddAsync(Viewer viewer, int id, string questionId, CancellationToken cancellationToken)
    {
        var set = await WritableAsync(viewer, id, cancellationToken, withItems: true);
        if (set is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(questionId) || await questions.FindForAsync(viewer, questionId, cancellationToken) is null)
        {
            return KitOutcome.Refused("Question", "There is no such question.");
        }

        if (set.Items.Any(i => i.QuestionId == questionId))
        {
            return KitOutcome.Refused("Question", "That question is in the kit already.");
        }

        if (set.Items.Count >= KitLimits.MaxQuestions)
        {
            return KitOutcome.Refused("Question", $"A kit holds at most {KitLimits.MaxQuestions} questions; remove one first.");
        }

        set.Items.Add(new QuestionSetItem { QuestionId = questionId, Position = set.Items.Select(i => i.Position).DefaultIfEmpty(0).Max() + 1 });
        return await SaveAsync(set, cancellationToken);
    }

    public async Task<KitOutcome?> RemoveAsync(Viewer viewer, int id, int itemId, CancellationToken cancellationToken)
    {
        var set = await WritableAsync(viewer, id, cancellationToken, withItems: true);
        if (set is null)
        {
            return null;
        }

        var item = set.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return KitOutcome.Refused("Question", "That question is no longer in the kit.");
        }

        set.Items.Remove(item);
        db.QuestionSetItems.Remove(item);
        Renumber(set);
        return await SaveAsync(set, cancellationToken);
    }

    /// <summary>Moves a question one place up (<paramref name="by"/> -1) or down (+1).</summary>
    public async Task<KitOutcome?> MoveAsync(Viewer viewer, int id, int itemId, int by, CancellationToken cancellationToken)
    {
        var set = await WritableAsync(viewer, id, cancellationToken, withItems: true);
        if (set is null)
        {
            return null;
        }

        var ordered = set.Items.OrderBy(i => i.Position).ThenBy(i => i.Id).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            return KitOutcome.Refused("Question", "That question is no longer in the kit.");
        }

        var target = Math.Clamp(index + Math.Sign(by), 0, ordered.Count - 1);
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }

        return await SaveAsync(set, cancellationToken);
    }

    public Task<bool> DeleteAsync(Viewer viewer, int id, CancellationToken cancellationToken) =>
        access.DeleteAsync(viewer, db.QuestionSets.Where(s => s.Id == id && s.Purpose == QuestionSetPurpose.Interview), s => s.OwnerId, RecordKind.QuestionSet, cancellationToken);

    /// <summary>The problems with what was typed, each against its field (empty: it may be saved).</summary>
    public List<KitProblem> Check(KitDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var current = catalogue.Current;
        var problems = new List<KitProblem>();
        var title = details.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            problems.Add(new KitProblem(nameof(KitDetails.Title), "Give the kit a title."));
        }
        else if (title.Length > KitLimits.MaxTitleLength)
        {
            problems.Add(new KitProblem(nameof(KitDetails.Title), $"A title is {KitLimits.MaxTitleLength} characters at most; this one is {title.Length:N0}."));
        }

        if (details.LevelId is { Length: > 0 } level && current.Levels.All(l => l.Id != level))
        {
            problems.Add(new KitProblem(nameof(KitDetails.LevelId), "Choose a level from the list."));
        }

        var focus = details.Focus ?? [];
        if (focus.Count == 0)
        {
            problems.Add(new KitProblem(nameof(KitDetails.Focus), "Choose at least one skill area for the interview to focus on."));
        }
        else if (focus.Any(f => current.FindSkill(f) is null))
        {
            problems.Add(new KitProblem(nameof(KitDetails.Focus), "Choose skill areas from the list."));
        }

        var instructions = details.Instructions ?? string.Empty;
        if (instructions.Length > KitLimits.MaxInstructionsLength)
        {
            problems.Add(new KitProblem(nameof(KitDetails.Instructions), $"Instructions are {KitLimits.MaxInstructionsLength:N0} characters at most; these are {instructions.Length:N0}."));
        }
        else if (problems.Count == 0)
        {
            // The instructions become the introduction of the exported bank: checked here by the same rules, so that every
            // kit saved can be exported and read back.
            var (text, line) = KitFormat.BankFile("kit-check", title, "A kit.", focus, NullIfEmpty(details.LevelId), instructions);
            foreach (var error in ContentLoader.CheckBankFile("kit", text, current))
            {
                var at = error.Line - line + 1;
                problems.Add(new KitProblem(nameof(KitDetails.Instructions), at >= 1 ? $"Line {at}: {error.Message}" : error.Message));
            }
        }

        return problems;
    }

    public static IReadOnlyList<string> SplitFocus(string focus) =>
        string.IsNullOrEmpty(focus) ? [] : focus.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void Apply(QuestionSet set, KitDetails details)
    {
        set.Title = details.Title.Trim();
        set.LevelId = NullIfEmpty(details.LevelId);
        set.FocusSkills = string.Join(',', details.Focus.Distinct(StringComparer.Ordinal));
        set.Instructions = (details.Instructions ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    private static void Renumber(QuestionSet set)
    {
        var position = 1;
        foreach (var item in set.Items.OrderBy(i => i.Position).ThenBy(i => i.Id))
        {
            item.Position = position++;
        }
    }

    private async Task<QuestionSet?> WritableAsync(Viewer viewer, int id, CancellationToken cancellationToken, bool withItems = false)
    {
        var query = db.QuestionSets.Where(s => s.Id == id && s.Purpose == QuestionSetPurpose.Interview);
        var set = await (withItems ? query.Include(s => s.Items) : query).SingleOrDefaultAsync(cancellationToken);
        return set is not null && await access.AllowsAsync(viewer, set.OwnerId, RecordKind.QuestionSet, AccessAction.Write, cancellationToken) ? set : null;
    }

    private async Task<KitOutcome> SaveAsync(QuestionSet set, CancellationToken cancellationToken)
    {
        set.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        set.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return KitOutcome.Refused("", "This kit was changed in another tab at the same moment; reload to see it.");
        }

        return new KitOutcome(set.Id, []);
    }
}
