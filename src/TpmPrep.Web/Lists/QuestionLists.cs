using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Lists;

/// <summary>A list in the overview: its name and size.</summary>
public sealed record ListSummary(int Id, string Name, bool Bookmarks, int Count, DateTime UpdatedUtc);

/// <summary>One question of a list: the question as the banks have it today, or null when it has left them.</summary>
public sealed record ListEntry(int Position, string QuestionId, Question? Question);

/// <summary>A list with its questions, in the order they were added.</summary>
public sealed record ListView(int Id, string OwnerId, string Name, bool Bookmarks, DateTime UpdatedUtc, IReadOnlyList<ListEntry> Entries);

/// <summary>The outcome of a change: done (with the list's id), or why not, in a sentence for the field it belongs to.</summary>
public sealed record ListOutcome(int? Id, string? Problem)
{
    public bool Done => Problem is null;

    public static ListOutcome Refused(string problem) => new(null, problem);
}

/// <summary>
/// A candidate's bookmarks and personal lists of bank questions ("weak on risk", "loop at company X"). Both are
/// question sets of their own purpose, the owner's records only (<see cref="RecordKind.QuestionList"/>, which no grant
/// covers): to anyone else a list does not exist. The bookmarks are one set, made with the first bookmark.
/// </summary>
public sealed class QuestionLists(AppDbContext db, RecordAccess access, CatalogueProvider catalogue, SessionService sessions, TimeProvider clock)
{
    public const int MaxNameLength = 80;

    public const int MaxLists = 50;

    public const int MaxQuestionsPerList = 200;

    public const int MaxBookmarks = 1000;

    public const string BookmarksName = "Bookmarks";

    private static readonly QuestionSetPurpose[] Purposes = [QuestionSetPurpose.List, QuestionSetPurpose.Bookmarks];

    /// <summary>The bookmarks first (when there are any), then the lists, latest change first.</summary>
    public async Task<IReadOnlyList<ListSummary>> ListsAsync(Viewer viewer, string ownerId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionList, AccessAction.Read, cancellationToken);
        var rows = await db.QuestionSets.AsNoTracking()
            .Where(s => s.OwnerId == ownerId && (s.Purpose == QuestionSetPurpose.List || s.Purpose == QuestionSetPurpose.Bookmarks))
            .OrderByDescending(s => s.Purpose).ThenByDescending(s => s.UpdatedUtc).ThenByDescending(s => s.Id)
            .Select(s => new ListSummary(s.Id, s.Title, s.Purpose == QuestionSetPurpose.Bookmarks, s.Items.Count, s.UpdatedUtc))
            .Take(MaxLists + 1)
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Which of <paramref name="questionIds"/> the owner has bookmarked, in one query.</summary>
    public async Task<IReadOnlySet<string>> BookmarkedAsync(Viewer viewer, string ownerId, IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionList, AccessAction.Read, cancellationToken);
        if (questionIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var ids = await db.QuestionSetItems.AsNoTracking()
            .Where(i => questionIds.Contains(i.QuestionId)
                && db.QuestionSets.Any(s => s.Id == i.SetId && s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.Bookmarks))
            .Select(i => i.QuestionId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every bookmarked question id, for the search filter.</summary>
    public async Task<IReadOnlySet<string>> AllBookmarkedAsync(Viewer viewer, string ownerId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionList, AccessAction.Read, cancellationToken);
        var ids = await db.QuestionSetItems.AsNoTracking()
            .Where(i => db.QuestionSets.Any(s => s.Id == i.SetId && s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.Bookmarks))
            .Select(i => i.QuestionId)
            .ToListAsync(cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The owner's lists (not the bookmarks) that hold the question, by id and name.</summary>
    public async Task<IReadOnlyList<ListSummary>> ListsHoldingAsync(Viewer viewer, string ownerId, string questionId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionList, AccessAction.Read, cancellationToken);
        return await db.QuestionSets.AsNoTracking()
            .Where(s => s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.List && s.Items.Any(i => i.QuestionId == questionId))
            .OrderBy(s => s.Title)
            .Select(s => new ListSummary(s.Id, s.Title, false, s.Items.Count, s.UpdatedUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Bookmarks the question (<paramref name="on"/>) or takes the bookmark off; false for a question not in the banks.</summary>
    public async Task<bool> BookmarkAsync(Viewer viewer, string ownerId, string questionId, bool on, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionList, AccessAction.Write, cancellationToken);
        if (catalogue.Current.FindQuestion(questionId) is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sets = await db.QuestionSets.Include(s => s.Items)
            .Where(s => s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.Bookmarks)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var held = sets.SelectMany(s => s.Items).Any(i => i.QuestionId == questionId);
        if (on && !held)
        {
            var set = sets.FirstOrDefault();
            if (set is null)
            {
                set = new QuestionSet { OwnerId = ownerId, Purpose = QuestionSetPurpose.Bookmarks, Title = BookmarksName, CreatedUtc = now, Version = 1 };
                db.QuestionSets.Add(set);
            }
            else if (set.Items.Count >= MaxBookmarks)
            {
                return true; // The ceiling; past it the star stays as it was.
            }

            set.Items.Add(new QuestionSetItem { Position = set.Items.Count == 0 ? 1 : set.Items.Max(i => i.Position) + 1, QuestionId = questionId });
            set.UpdatedUtc = now;
        }
        else if (!on && held)
        {
            foreach (var set in sets)
            {
                set.Items.RemoveAll(i => i.QuestionId == questionId);
                set.UpdatedUtc = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<ListOutcome> CreateAsync(Viewer viewer, string ownerId, string? name, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, ownerId, RecordKind.QuestionList, AccessAction.Write, cancellationToken);
        if (Problem(name) is { } problem)
        {
            return ListOutcome.Refused(problem);
        }

        var count = await db.QuestionSets.CountAsync(s => s.OwnerId == ownerId && s.Purpose == QuestionSetPurpose.List, cancellationToken);
        if (count >= MaxLists)
        {
            return ListOutcome.Refused($"You have {MaxLists} lists, the most there can be. Delete one you no longer use first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var set = new QuestionSet { OwnerId = ownerId, Purpose = QuestionSetPurpose.List, Title = name!.Trim(), CreatedUtc = now, UpdatedUtc = now, Version = 1 };
        db.QuestionSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        return new ListOutcome(set.Id, null);
    }

    public async Task<ListOutcome> RenameAsync(Viewer viewer, int id, string? name, CancellationToken cancellationToken)
    {
        if (await TrackedAsync(viewer, id, includeItems: false, cancellationToken) is not { } set || set.Purpose != QuestionSetPurpose.List)
        {
            throw new RecordNotFoundException();
        }

        if (Problem(name) is { } problem)
        {
            return ListOutcome.Refused(problem);
        }

        set.Title = name!.Trim();
        set.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        set.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new ListOutcome(id, null);
    }

    /// <summary>Adds a bank question at the end of a list; a question already there stays where it is.</summary>
    public async Task<ListOutcome> AddAsync(Viewer viewer, int id, string questionId, CancellationToken cancellationToken)
    {
        if (await TrackedAsync(viewer, id, includeItems: true, cancellationToken) is not { } set || set.Purpose != QuestionSetPurpose.List)
        {
            throw new RecordNotFoundException();
        }

        if (catalogue.Current.FindQuestion(questionId) is null)
        {
            throw new RecordNotFoundException();
        }

        if (set.Items.Any(i => i.QuestionId == questionId))
        {
            return new ListOutcome(id, null);
        }

        if (set.Items.Count >= MaxQuestionsPerList)
        {
            return ListOutcome.Refused($"“{set.Title}” has {MaxQuestionsPerList} questions, the most a list can hold. Remove some, or start another list.");
        }

        set.Items.Add(new QuestionSetItem { Position = set.Items.Count == 0 ? 1 : set.Items.Max(i => i.Position) + 1, QuestionId = questionId });
        set.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        set.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new ListOutcome(id, null);
    }

    /// <summary>Takes a question off a list (or off the bookmarks, when the list is the bookmarks).</summary>
    public async Task RemoveAsync(Viewer viewer, int id, string questionId, CancellationToken cancellationToken)
    {
        if (await TrackedAsync(viewer, id, includeItems: true, cancellationToken) is not { } set)
        {
            throw new RecordNotFoundException();
        }

        if (set.Items.RemoveAll(i => i.QuestionId == questionId) > 0)
        {
            set.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            set.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Deletes a list (the bookmarks too: that takes every bookmark off); false when there is no such list for this viewer.</summary>
    public Task<bool> DeleteAsync(Viewer viewer, int id, CancellationToken cancellationToken) =>
        access.DeleteAsync(viewer, db.QuestionSets.Where(s => s.Id == id && Purposes.Contains(s.Purpose)), s => s.OwnerId, RecordKind.QuestionList, cancellationToken);

    /// <summary>A list with its questions, or null when there is no such list for this viewer.</summary>
    public async Task<ListView?> FindAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var row = await db.QuestionSets.AsNoTracking()
            .Where(s => s.Id == id && (s.Purpose == QuestionSetPurpose.List || s.Purpose == QuestionSetPurpose.Bookmarks))
            .Select(s => new { s.Id, s.OwnerId, s.Title, s.Purpose, s.UpdatedUtc, Items = s.Items.OrderBy(i => i.Position).Select(i => new { i.Position, i.QuestionId }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || !await access.AllowsAsync(viewer, row.OwnerId, RecordKind.QuestionList, AccessAction.Read, cancellationToken))
        {
            return null;
        }

        var current = catalogue.Current;
        return new ListView(row.Id, row.OwnerId, row.Title, row.Purpose == QuestionSetPurpose.Bookmarks, row.UpdatedUtc,
            row.Items.Select(i => new ListEntry(i.Position, i.QuestionId, current.FindQuestion(i.QuestionId))).ToList());
    }

    /// <summary>
    /// Starts a practice session or mock interview of up to <paramref name="count"/> questions of the list: the ones
    /// answered longest ago (never answered first), in list order among equals. Null when the list has no question left.
    /// </summary>
    public async Task<int?> StartSessionAsync(Viewer viewer, int id, SessionMode mode, int count, CancellationToken cancellationToken)
    {
        if (await FindAsync(viewer, id, cancellationToken) is not { } list)
        {
            throw new RecordNotFoundException();
        }

        await access.DemandAsync(viewer, list.OwnerId, RecordKind.QuestionList, AccessAction.Write, cancellationToken);
        var ids = list.Entries.Where(e => e.Question is not null).Select(e => e.QuestionId).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var lastAnswered = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == list.OwnerId && ids.Contains(a.QuestionId))
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Last = g.Max(a => a.CreatedUtc) })
            .ToDictionaryAsync(g => g.QuestionId, g => g.Last, cancellationToken);
        var chosen = ids
            .Select((questionId, order) => (questionId, order, last: lastAnswered.TryGetValue(questionId, out var at) ? at : DateTime.MinValue))
            .OrderBy(x => x.last).ThenBy(x => x.order)
            .Take(Math.Clamp(count, 1, SessionService.MaxQuestions))
            .OrderBy(x => x.order)
            .Select(x => x.questionId)
            .ToList();
        return await sessions.CreateFromQuestionsAsync(viewer, list.OwnerId, mode, $"From the list “{list.Name}”", chosen, cancellationToken);
    }

    public static string? Problem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Give the list a name, such as “Weak on risk” or “Loop at company X”."
        : name.Trim().Length > MaxNameLength ? $"A list's name can be at most {MaxNameLength} characters; this one has {name.Trim().Length}."
        : null;

    private async Task<QuestionSet?> TrackedAsync(Viewer viewer, int id, bool includeItems, CancellationToken cancellationToken)
    {
        var query = db.QuestionSets.Where(s => s.Id == id && (s.Purpose == QuestionSetPurpose.List || s.Purpose == QuestionSetPurpose.Bookmarks));
        var set = await (includeItems ? query.Include(s => s.Items) : query).SingleOrDefaultAsync(cancellationToken);
        return set is not null && await access.AllowsAsync(viewer, set.OwnerId, RecordKind.QuestionList, AccessAction.Write, cancellationToken) ? set : null;
    }
}
