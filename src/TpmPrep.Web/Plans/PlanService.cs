using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Plans;

/// <summary>What the viewer is to a plan: its owner, one of its interviewers, or nobody (who is shown a 404).</summary>
public enum PlanRole
{
    None,
    Interviewer,
    Owner,
}

public sealed record PlanSummary(int Id, string Title, int Interviews, int Candidates, DateTime UpdatedUtc, bool Owned);

public sealed record PlanPerson(string UserId, string Name, string Email);

public sealed record PlanInterviewView(int Id, int Position, string Title, int? KitId, string? KitTitle, IReadOnlyList<string> Focus, IReadOnlyList<PlanPerson> Interviewers);

public sealed record PlanCandidateView(int Id, string Name, string Notes, HiringDecision Decision, string DecisionRationale, DateTime? DecidedUtc);

/// <summary>A scorecard's state as the plan page lists it (the viewer's own cards, or all of them for the owner off the panel).</summary>
public sealed record CardState(int Id, int CandidateId, int InterviewId, string InterviewerId, bool Submitted);

public sealed record PlanView(
    int Id,
    string OwnerId,
    string Title,
    PlanRole Role,
    IReadOnlyList<PlanInterviewView> Interviews,
    IReadOnlyList<PlanCandidateView> Candidates,
    IReadOnlyList<CardState> Cards)
{
    public bool IsOwner => Role == PlanRole.Owner;

    public IEnumerable<PlanPerson> Panel => Interviews.SelectMany(i => i.Interviewers).DistinctBy(p => p.UserId);
}

/// <summary>
/// Interview plans: the owner (a hiring manager) changes them; the interviewers named on them read them, carry their
/// kits and fill in scorecards. Membership is checked on every read and write, from the database; anyone else is told
/// the plan does not exist.
/// </summary>
public sealed class PlanService(AppDbContext db, UserManager<AppUser> users, KitService kits, TimeProvider clock)
{
    public async Task<PlanRole> RoleAsync(Viewer viewer, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var owner = await db.InterviewPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.OwnerId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return PlanRole.None;
        }

        if (owner == viewer.UserId)
        {
            return PlanRole.Owner;
        }

        return await db.PlanInterviewers.AsNoTracking()
            .AnyAsync(i => i.UserId == viewer.UserId && db.PlanInterviews.Any(p => p.Id == i.InterviewId && p.PlanId == planId), cancellationToken)
            ? PlanRole.Interviewer
            : PlanRole.None;
    }

    public async Task<(Paged<PlanSummary> Owned, IReadOnlyList<PlanSummary> Interviewing)> ListAsync(Viewer viewer, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var owned = db.InterviewPlans.AsNoTracking().Where(p => p.OwnerId == viewer.UserId);
        var total = await owned.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PlanLimits.PageSize - 1) / PlanLimits.PageSize));
        var rows = await owned.OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id)
            .Skip(Paging.Skip(page, PlanLimits.PageSize)).Take(PlanLimits.PageSize)
            .Select(p => new PlanSummary(p.Id, p.Title, p.Interviews.Count, p.Candidates.Count, p.UpdatedUtc, true))
            .ToListAsync(cancellationToken);
        var interviewing = await db.InterviewPlans.AsNoTracking()
            .Where(p => p.OwnerId != viewer.UserId && p.Interviews.Any(i => i.Interviewers.Any(x => x.UserId == viewer.UserId)))
            .OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id).Take(50)
            .Select(p => new PlanSummary(p.Id, p.Title, p.Interviews.Count, p.Candidates.Count, p.UpdatedUtc, false))
            .ToListAsync(cancellationToken);
        return (new Paged<PlanSummary>(rows, total, page, PlanLimits.PageSize), interviewing);
    }

    public async Task<PlanView?> FindAsync(Viewer viewer, int planId, CancellationToken cancellationToken)
    {
        var role = await RoleAsync(viewer, planId, cancellationToken);
        if (role == PlanRole.None)
        {
            return null;
        }

        var plan = await db.InterviewPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.OwnerId, p.Title }).SingleAsync(cancellationToken);
        var interviews = await db.PlanInterviews.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.KitId, Kit = db.QuestionSets.Where(s => s.Id == i.KitId).Select(s => new { s.Title, s.FocusSkills }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var interviewIds = interviews.Select(i => i.Id).ToList();
        var people = await db.PlanInterviewers.AsNoTracking().Where(x => interviewIds.Contains(x.InterviewId))
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.InterviewId, u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var candidates = await db.PlanCandidates.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new PlanCandidateView(c.Id, c.Name, c.Notes, c.Decision, c.DecisionRationale, c.DecidedUtc))
            .ToListAsync(cancellationToken);
        var cardQuery = db.Scorecards.AsNoTracking().Where(s => interviewIds.Contains(s.InterviewId));
        // The owner off the panel follows every card's state; everyone else sees only their own.
        var onPanel = people.Any(p => p.Id == viewer.UserId);
        if (role != PlanRole.Owner || onPanel)
        {
            cardQuery = cardQuery.Where(s => s.InterviewerId == viewer.UserId);
        }

        var cards = await cardQuery.Select(s => new CardState(s.Id, s.CandidateId, s.InterviewId, s.InterviewerId, s.SubmittedUtc != null)).ToListAsync(cancellationToken);
        var views = interviews.Select((i, n) => new PlanInterviewView(
            i.Id, n + 1, i.Title, i.KitId, i.Kit?.Title, KitService.SplitFocus(i.Kit?.FocusSkills ?? string.Empty),
            people.Where(p => p.InterviewId == i.Id).Select(p => new PlanPerson(p.Id, p.DisplayName, p.Email ?? string.Empty)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList())).ToList();
        return new PlanView(plan.Id, plan.OwnerId, plan.Title, role, views, candidates, cards);
    }

    /// <summary>A new plan for a hiring manager; null for anyone without the role.</summary>
    public async Task<int?> CreateAsync(Viewer viewer, string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.Holds(AppRoles.HiringManager) || CheckTitle(title) is not null)
        {
            return null;
        }

        var now = Now();
        var plan = new InterviewPlan { OwnerId = viewer.UserId, Title = title.Trim(), CreatedUtc = now, UpdatedUtc = now };
        db.InterviewPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Id;
    }

    public static string? CheckTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Give it a title."
        : title.Trim().Length > PlanLimits.MaxTitleLength ? $"A title is {PlanLimits.MaxTitleLength} characters at most."
        : null;

    /// <summary>Adds an interview with one of the owner's kits (or none yet); the problem, or null when done. Owner only.</summary>
    public async Task<string?> AddInterviewAsync(Viewer viewer, int planId, string title, int? kitId, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(viewer, planId, cancellationToken);
        if (CheckTitle(title) is { } problem)
        {
            return problem;
        }

        if (kitId is { } kit && await kits.FindAsync(viewer, kit, cancellationToken) is null)
        {
            return "Choose one of your kits.";
        }

        var count = await db.PlanInterviews.CountAsync(i => i.PlanId == planId, cancellationToken);
        if (count >= PlanLimits.MaxInterviews)
        {
            return $"A plan has at most {PlanLimits.MaxInterviews} interviews.";
        }

        db.PlanInterviews.Add(new PlanInterview { PlanId = plan.Id, Title = title.Trim(), KitId = kitId, Position = count + 1 });
        await TouchAsync(plan, cancellationToken);
        return null;
    }

    public async Task<string?> SetKitAsync(Viewer viewer, int planId, int interviewId, int? kitId, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(viewer, planId, cancellationToken);
        var interview = await db.PlanInterviews.SingleOrDefaultAsync(i => i.Id == interviewId && i.PlanId == planId, cancellationToken) ?? throw new RecordNotFoundException();
        if (kitId is { } kit && await kits.FindAsync(viewer, kit, cancellationToken) is null)
        {
            return "Choose one of your kits.";
        }

        interview.KitId = kitId;
        await TouchAsync(plan, cancellationToken);
        return null;
    }

    /// <summary>Names a registered user as an interviewer of one interview, by e-mail. Owner only.</summary>
    public async Task<string?> AddInterviewerAsync(Viewer viewer, int planId, int interviewId, string email, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(viewer, planId, cancellationToken);
        var interview = await db.PlanInterviews.AsNoTracking().SingleOrDefaultAsync(i => i.Id == interviewId && i.PlanId == planId, cancellationToken) ?? throw new RecordNotFoundException();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
        {
            return "Type the interviewer's e-mail.";
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return "Nobody with that e-mail can be added yet: they need an account on this TpmPrep first.";
        }

        var current = await db.PlanInterviewers.Where(x => x.InterviewId == interview.Id).Select(x => x.UserId).ToListAsync(cancellationToken);
        if (current.Contains(user.Id))
        {
            return "They already run this interview.";
        }

        if (current.Count >= PlanLimits.MaxInterviewersPerInterview)
        {
            return $"An interview has at most {PlanLimits.MaxInterviewersPerInterview} interviewers.";
        }

        db.PlanInterviewers.Add(new PlanInterviewer { InterviewId = interview.Id, UserId = user.Id });
        await TouchAsync(plan, cancellationToken);
        return null;
    }

    public async Task RemoveInterviewerAsync(Viewer viewer, int planId, int interviewId, string userId, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(viewer, planId, cancellationToken);
        await db.PlanInterviewers.Where(x => x.InterviewId == interviewId && x.UserId == userId && db.PlanInterviews.Any(i => i.Id == interviewId && i.PlanId == planId))
            .ExecuteDeleteAsync(cancellationToken);
        await TouchAsync(plan, cancellationToken);
    }

    public async Task<string?> AddCandidateAsync(Viewer viewer, int planId, string name, string notes, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(viewer, planId, cancellationToken);
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Type the candidate's name.";
        }

        if (name.Trim().Length > PlanLimits.MaxNameLength || (notes ?? string.Empty).Length > PlanLimits.MaxNotesLength)
        {
            return $"A name is {PlanLimits.MaxNameLength} characters at most, notes {PlanLimits.MaxNotesLength:N0}.";
        }

        if (await db.PlanCandidates.CountAsync(c => c.PlanId == planId, cancellationToken) >= PlanLimits.MaxCandidates)
        {
            return $"A plan has at most {PlanLimits.MaxCandidates} candidates.";
        }

        db.PlanCandidates.Add(new PlanCandidate { PlanId = plan.Id, Name = name.Trim(), Notes = (notes ?? string.Empty).Trim() });
        await TouchAsync(plan, cancellationToken);
        return null;
    }

    /// <summary>Records the decision on a candidate and why. Owner only.</summary>
    public async Task<string?> DecideAsync(Viewer viewer, int candidateId, HiringDecision decision, string rationale, CancellationToken cancellationToken)
    {
        var candidate = await db.PlanCandidates.SingleOrDefaultAsync(c => c.Id == candidateId, cancellationToken) ?? throw new RecordNotFoundException();
        var plan = await OwnedAsync(viewer, candidate.PlanId, cancellationToken);
        if (!Enum.IsDefined(decision))
        {
            return "Choose hire, no hire or undecided.";
        }

        if ((rationale ?? string.Empty).Length > PlanLimits.MaxNotesLength)
        {
            return $"The rationale is {PlanLimits.MaxNotesLength:N0} characters at most; this one is {rationale!.Length:N0}.";
        }

        if (decision != HiringDecision.Undecided && string.IsNullOrWhiteSpace(rationale))
        {
            return "Write down why: the rationale is what the decision can be checked against later.";
        }

        candidate.Decision = decision;
        candidate.DecisionRationale = (rationale ?? string.Empty).Trim();
        candidate.DecidedUtc = decision == HiringDecision.Undecided ? null : Now();
        await TouchAsync(plan, cancellationToken);
        return null;
    }

    public async Task<bool> DeleteAsync(Viewer viewer, int planId, CancellationToken cancellationToken) =>
        await RoleAsync(viewer, planId, cancellationToken) == PlanRole.Owner
        && await db.InterviewPlans.Where(p => p.Id == planId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The plan a candidate belongs to, or null.</summary>
    public Task<int?> PlanOfCandidateAsync(int candidateId, CancellationToken cancellationToken) =>
        db.PlanCandidates.AsNoTracking().Where(c => c.Id == candidateId).Select(c => (int?)c.PlanId).SingleOrDefaultAsync(cancellationToken);

    private async Task<InterviewPlan> OwnedAsync(Viewer viewer, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.InterviewPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is not null && plan.OwnerId == viewer.UserId ? plan : throw new RecordNotFoundException();
    }

    private async Task TouchAsync(InterviewPlan plan, CancellationToken cancellationToken)
    {
        plan.UpdatedUtc = Now();
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
