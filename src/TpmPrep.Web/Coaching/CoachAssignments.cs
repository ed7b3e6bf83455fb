using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Practice;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Coaching;

/// <summary>Where an assignment stands, in neutral words.</summary>
public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Done,
    PastDue,
}

/// <summary>What the coach asks for: the questions of one of their sets, or a session drawn from the banks now.</summary>
public sealed record AssignmentRequest(string Title, SessionMode Mode, DateOnly? Due, int? SetId, string? SkillId, string? LevelId, int Count);

public sealed record AssignmentProblem(string Field, string Message);

/// <summary>One assignment as either side sees it: <see cref="Answered"/> counts its questions with an attempt submitted since it was set.</summary>
public sealed record AssignmentView(
    int Id,
    string Title,
    SessionMode Mode,
    string CoachName,
    IReadOnlyList<string> QuestionIds,
    int Answered,
    DateTime DueUtc,
    DateTime CreatedUtc,
    int? SessionId,
    AssignmentStatus Status)
{
    public int Total => QuestionIds.Count;
}

/// <summary>
/// Practice a coach sets a candidate: a copy of the question ids (editing the set later does not move the goalposts),
/// practice or mock-interview mode, and a due day in the candidate's time zone. Done means an attempt submitted for
/// every question after the assignment was set, however the candidate reached the questions. The coach writes and
/// reads them only through an active link (the status needs the summary scope: it tells about practice); the
/// candidate sees those of their current coaches, on the dashboard and the practice page, and starts them as a session.
/// </summary>
public sealed class CoachAssignments(AppDbContext db, TimeProvider clock, CoachLinks links, KitService kits, QuestionSource questions, SessionService sessions)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string StatusName(AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "not started",
        AssignmentStatus.InProgress => "in progress",
        AssignmentStatus.Done => "done",
        _ => "past due",
    };

    /// <summary>Done when every question has an answer; past due when not done after the due instant; in progress once anything is started.</summary>
    public static AssignmentStatus StatusOf(int total, int answered, bool sessionStarted, DateTime dueUtc, DateTime nowUtc)
    {
        if (total > 0 && answered >= total)
        {
            return AssignmentStatus.Done;
        }

        if (nowUtc > dueUtc)
        {
            return AssignmentStatus.PastDue;
        }

        return answered > 0 || sessionStarted ? AssignmentStatus.InProgress : AssignmentStatus.NotStarted;
    }

    /// <summary>The end of <paramref name="due"/> in the candidate's zone, in UTC.</summary>
    public static DateTime DueInstant(DateOnly due, TimeZoneInfo zone) => UserClock.StartOfDayUtc(due.AddDays(1), zone);

    /// <summary>Sets an assignment; problems (each for its field) and nothing saved when the request does not hold, null when the link is not the coach's.</summary>
    public async Task<IReadOnlyList<AssignmentProblem>?> CreateAsync(Viewer coach, int linkId, AssignmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link)
        {
            return null;
        }

        var problems = new List<AssignmentProblem>();
        var title = request.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            problems.Add(new("Title", "Give the assignment a title, such as “Stakeholder questions before Friday”."));
        }
        else if (title.Length > 200)
        {
            problems.Add(new("Title", $"A title may be at most 200 characters; this one has {title.Length:N0}."));
        }

        var zone = UserClock.Find(await db.Users.AsNoTracking().Where(u => u.Id == link.CandidateId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, zone));
        if (request.Due is not { } due)
        {
            problems.Add(new("Due", "Choose the day it is due."));
        }
        else if (due < today)
        {
            problems.Add(new("Due", $"The due day has passed: it is already {today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} for {link.Name}."));
        }
        else if (due > today.AddDays(CoachingLimits.LongestAssignmentDays))
        {
            problems.Add(new("Due", $"Choose a day within a year ({CoachingLimits.LongestAssignmentDays} days)."));
        }

        var open = await db.CoachAssignments.AsNoTracking().CountAsync(a => a.CoachId == coach.UserId && a.CandidateId == link.CandidateId && a.DueUtc > Now, cancellationToken);
        if (open >= CoachingLimits.OpenAssignments)
        {
            problems.Add(new(string.Empty, $"{link.Name} already has {open} assignments from you that are not yet due; withdraw one first (at most {CoachingLimits.OpenAssignments})."));
        }

        var (questionIds, sourceProblem) = await QuestionsForAsync(coach, request, cancellationToken);
        if (sourceProblem is not null)
        {
            problems.Add(sourceProblem);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.CoachAssignments.Add(new CoachAssignment
        {
            CandidateId = link.CandidateId,
            CoachId = coach.UserId,
            Title = title,
            Mode = request.Mode == SessionMode.MockInterview ? SessionMode.MockInterview : SessionMode.Practice,
            QuestionIds = string.Join(',', questionIds),
            DueUtc = DueInstant(request.Due!.Value, zone),
            CreatedUtc = Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private async Task<(IReadOnlyList<string> Ids, AssignmentProblem? Problem)> QuestionsForAsync(Viewer coach, AssignmentRequest request, CancellationToken cancellationToken)
    {
        var catalogue = questions.Catalogue;
        if (request.SetId is int setId)
        {
            var kit = await kits.FindAsync(coach, setId, cancellationToken);
            if (kit is null || kit.OwnerId != coach.UserId)
            {
                return ([], new("SetId", "Choose one of your question sets."));
            }

            // Questions the coach wrote are the coach's own: the candidate cannot open them, so only bank questions go.
            var ids = kit.Items.Where(i => !i.Written && catalogue.FindQuestion(i.QuestionId) is not null).Select(i => i.QuestionId).Distinct(StringComparer.Ordinal).Take(CoachingLimits.AssignmentQuestions).ToList();
            return ids.Count == 0
                ? ([], new("SetId", "This set has no question from the banks (questions you wrote yourself stay yours); add some first."))
                : (ids, null);
        }

        if (request.SkillId is { Length: > 0 } skill && catalogue.FindSkill(skill) is null)
        {
            return ([], new("SkillId", "Choose a skill area from the list."));
        }

        if (request.LevelId is { Length: > 0 } level && catalogue.FindLevel(level) is null)
        {
            return ([], new("LevelId", "Choose a level from the list."));
        }

        if (request.Count is < 1 or > CoachingLimits.AssignmentQuestions)
        {
            return ([], new("Count", $"Ask for 1 to {CoachingLimits.AssignmentQuestions} questions."));
        }

        var chosen = catalogue.Questions
            .Where(q => string.IsNullOrEmpty(request.SkillId) || q.Skills.Contains(request.SkillId))
            .Where(q => string.IsNullOrEmpty(request.LevelId) || q.LevelId == request.LevelId)
            .OrderBy(_ => Random.Shared.Next())
            .Take(request.Count)
            .Select(q => q.Id)
            .ToList();
        return chosen.Count == 0 ? ([], new("SkillId", "No question matches this skill area and level together.")) : (chosen, null);
    }

    /// <summary>The coach's assignments for this candidate, newest due first; null when the link is not the coach's.</summary>
    public async Task<IReadOnlyList<AssignmentView>?> ForCoachAsync(Viewer coach, int linkId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link)
        {
            return null;
        }

        return await ViewsAsync(db.CoachAssignments.Where(a => a.CoachId == coach.UserId && a.CandidateId == link.CandidateId), link.CandidateId, cancellationToken);
    }

    /// <summary>The assignments of the candidate's current coaches (an ended link takes its assignments with it; sessions started stay).</summary>
    public async Task<IReadOnlyList<AssignmentView>> ForCandidateAsync(Viewer candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var id = candidate.UserId;
        return await ViewsAsync(Current(id), id, cancellationToken);
    }

    private IQueryable<CoachAssignment> Current(string candidateId) =>
        db.CoachAssignments.Where(a => a.CandidateId == candidateId
            && db.CoachLinks.Any(l => l.CandidateId == candidateId && l.CoachId == a.CoachId && l.Status == CoachLinkStatus.Active));

    /// <summary>The coach withdraws an assignment; false when it is not theirs or the link has ended.</summary>
    public async Task<bool> WithdrawAsync(Viewer coach, int linkId, int assignmentId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link)
        {
            return false;
        }

        return await db.CoachAssignments.Where(a => a.Id == assignmentId && a.CoachId == coach.UserId && a.CandidateId == link.CandidateId)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Starts (or continues) the assignment as a session of the questions not answered yet; the session's id, or null
    /// when the assignment is not one of the candidate's current ones or none of its questions is still in the banks.
    /// </summary>
    public async Task<int?> StartAsync(Viewer candidate, int assignmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var assignment = await Current(candidate.UserId).SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        if (assignment.SessionId is int existing
            && await db.PracticeSessions.AsNoTracking().AnyAsync(s => s.Id == existing && s.UserId == candidate.UserId && s.CompletedUtc == null, cancellationToken))
        {
            return existing;
        }

        var ids = Split(assignment.QuestionIds);
        var answered = await AnsweredAsync(candidate.UserId, [(assignment.Id, ids, assignment.CreatedUtc)], cancellationToken);
        var left = ids.Where(q => !answered.Contains((assignment.Id, q))).ToList();
        var sessionId = await sessions.CreateFromQuestionsAsync(candidate, candidate.UserId, assignment.Mode, assignment.Title, left.Count == 0 ? ids : left, cancellationToken);
        if (sessionId is null)
        {
            return null;
        }

        assignment.SessionId = sessionId;
        await db.SaveChangesAsync(cancellationToken);
        return sessionId;
    }

    /// <summary>How many assignments of each of the coach's candidates are past due (for the cohort; one query for assignments, one for attempts).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> OverdueForCoachAsync(AppDbContext db, string coachId, IReadOnlyCollection<string> candidateIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ids = candidateIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var rows = await db.CoachAssignments.AsNoTracking()
            .Where(a => a.CoachId == coachId && ids.Contains(a.CandidateId) && a.DueUtc < nowUtc)
            .Select(a => new { a.Id, a.CandidateId, a.QuestionIds, a.CreatedUtc })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var answered = await AnsweredAsync(db, rows.Select(r => (r.Id, r.CandidateId, (IReadOnlyList<string>)Split(r.QuestionIds), r.CreatedUtc)).ToList(), cancellationToken);
        return rows.Where(r => Split(r.QuestionIds).Any(q => !answered.Contains((r.Id, q))))
            .GroupBy(r => r.CandidateId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<AssignmentView>> ViewsAsync(IQueryable<CoachAssignment> query, string candidateId, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .OrderBy(a => a.DueUtc).ThenBy(a => a.Id)
            .Take(100)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Mode,
                CoachName = db.Users.Where(u => u.Id == a.CoachId).Select(u => u.DisplayName).FirstOrDefault() ?? "Your coach",
                a.QuestionIds,
                a.DueUtc,
                a.CreatedUtc,
                a.SessionId,
                Started = db.PracticeSessions.Any(s => s.Id == a.SessionId && s.StartedUtc != null),
            })
            .ToListAsync(cancellationToken);
        var answered = await AnsweredAsync(candidateId, rows.Select(r => (r.Id, (IReadOnlyList<string>)Split(r.QuestionIds), r.CreatedUtc)).ToList(), cancellationToken);
        var now = Now;
        return rows.Select(r =>
        {
            var ids = Split(r.QuestionIds);
            var done = ids.Count(q => answered.Contains((r.Id, q)));
            return new AssignmentView(r.Id, r.Title, r.Mode, r.CoachName, ids, done, r.DueUtc, r.CreatedUtc, r.SessionId, StatusOf(ids.Count, done, r.Started, r.DueUtc, now));
        }).ToList();
    }

    private Task<HashSet<(int, string)>> AnsweredAsync(string candidateId, IReadOnlyList<(int Id, IReadOnlyList<string> Questions, DateTime CreatedUtc)> assignments, CancellationToken cancellationToken) =>
        AnsweredAsync(db, assignments.Select(a => (a.Id, candidateId, a.Questions, a.CreatedUtc)).ToList(), cancellationToken);

    /// <summary>The (assignment, question) pairs with an attempt by the candidate since the assignment was set: one query.</summary>
    private static async Task<HashSet<(int, string)>> AnsweredAsync(AppDbContext db, IReadOnlyList<(int Id, string CandidateId, IReadOnlyList<string> Questions, DateTime CreatedUtc)> assignments, CancellationToken cancellationToken)
    {
        var result = new HashSet<(int, string)>();
        if (assignments.Count == 0)
        {
            return result;
        }

        var users = assignments.Select(a => a.CandidateId).Distinct().ToList();
        var questionIds = assignments.SelectMany(a => a.Questions).Distinct().ToList();
        var since = assignments.Min(a => a.CreatedUtc);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(t => users.Contains(t.UserId) && questionIds.Contains(t.QuestionId) && t.CreatedUtc >= since)
            .Select(t => new { t.UserId, t.QuestionId, t.CreatedUtc })
            .ToListAsync(cancellationToken);
        var latest = attempts.GroupBy(t => (t.UserId, t.QuestionId)).ToDictionary(g => g.Key, g => g.Max(t => t.CreatedUtc));
        foreach (var a in assignments)
        {
            foreach (var q in a.Questions)
            {
                if (latest.TryGetValue((a.CandidateId, q), out var when) && when >= a.CreatedUtc)
                {
                    result.Add((a.Id, q));
                }
            }
        }

        return result;
    }

    private static List<string> Split(string ids) => ids.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
