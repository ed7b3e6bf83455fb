using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Coaching;

/// <summary>Why an invitation code does not open a link, each with the words the coach is shown.</summary>
public enum InviteProblem
{
    None,
    Unknown,
    Expired,
    Used,
    Cancelled,
    Foreign,
    Own,
    NotCoach,
}

public sealed record NewInvite(int Id, string Code, DateTime ExpiresUtc);

public sealed record InviteRow(int Id, string? BoundEmail, CoachScopes Scopes, DateTime CreatedUtc, DateTime ExpiresUtc);

public sealed record LinkRow(int Id, string CoachName, string? CoachEmail, CoachLinkStatus Status, CoachScopes Scopes, DateTime CreatedUtc, DateTime? ConsentedUtc, DateTime? EndedUtc);

public sealed record CandidateCoaching(IReadOnlyList<LinkRow> Active, IReadOnlyList<LinkRow> Requests, IReadOnlyList<LinkRow> Ended, IReadOnlyList<InviteRow> OpenInvites);

public sealed record InvitePreview(string CandidateName, CoachScopes Scopes, DateTime ExpiresUtc);

/// <summary>An active link as its coach sees it: whose, and what they may open.</summary>
public sealed record CoachedCandidate(int LinkId, string CandidateId, string Name, CoachScopes Scopes, DateTime? ConsentedUtc);

public sealed record CohortRow(
    int LinkId,
    string Name,
    CoachScopes Scopes,
    DateOnly? LastActive,
    int CurrentStreak,
    int Attempts7,
    int Attempts30,
    int? ReviewsDue,
    IReadOnlyList<int> Weekly,
    IReadOnlyList<string> Flags,
    CohortReadiness? Readiness = null,
    int UnreadReplies = 0,
    int AssignmentsOverdue = 0);

/// <summary>Readiness from the latest completed self-assessment: the percent of its target level's profile reached.</summary>
public sealed record CohortReadiness(string LevelId, double Percent, TpmPrep.Content.Scoring.Readiness Label, DateTime CompletedUtc);

public enum CohortSort
{
    Name,
    LastActive,
    Streak,
    Attempts7,
    Attempts30,
    Due,
    Readiness,
    Overdue,
}

/// <summary>
/// Consent between a candidate and a coach: invitations (single use, seven days, stored as a hash, optionally bound
/// to the coach's e-mail), requests by e-mail that show nothing until accepted, scopes the candidate sets and can
/// narrow, and revocation with immediate effect. The candidate's side takes only the candidate's own id; the coach's
/// side finds links by the coach's id, so nobody reaches a link that is not theirs.
/// </summary>
public sealed class CoachLinks(AppDbContext db, TimeProvider clock, UserManager<AppUser> users, TpmPrep.Web.Progress.ProgressRollups rollups)
{
    /// <summary>Weeks of activity in a cohort row's trend.</summary>
    public const int TrendWeeks = 8;

    /// <summary>Days without practice before a candidate is flagged.</summary>
    public const int QuietDays = 7;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Describe(InviteProblem problem) => problem switch
    {
        InviteProblem.Unknown => "That code does not match any invitation. Check it with the candidate (codes look like ABCD-EFGH-JKMN).",
        InviteProblem.Expired => "That invitation has expired (invitations work for 7 days). Ask the candidate for a new one.",
        InviteProblem.Used => "That invitation has already been used. Each one works once: ask the candidate for a new one.",
        InviteProblem.Cancelled => "The candidate cancelled that invitation.",
        InviteProblem.Foreign => "That invitation is for a different e-mail address. Log in with the address the candidate invited, or ask them for a new invitation.",
        InviteProblem.Own => "That is your own invitation: hand it to your coach.",
        InviteProblem.NotCoach => "Only an account with the coach role can accept an invitation. Add the role on your profile page.",
        _ => string.Empty,
    };

    /// <summary>An address Identity could hold (256 characters at most) that looks like an e-mail.</summary>
    private static bool IsEmail(string text) =>
        text.Length is > 0 and <= 256 && new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(text);

    public static IReadOnlyList<string> ScopeNames(CoachScopes scopes)
    {
        var names = new List<string>(3);
        if (scopes.HasFlag(CoachScopes.Summary))
        {
            names.Add("summary");
        }

        if (scopes.HasFlag(CoachScopes.Attempts))
        {
            names.Add("attempts and grades");
        }

        if (scopes.HasFlag(CoachScopes.Assessments))
        {
            names.Add("self-assessments");
        }

        return names;
    }

    // ----- The candidate's side -----

    /// <summary>A new invitation; null with a reason when the candidate already holds too many open ones or the e-mail is not one.</summary>
    public async Task<(NewInvite? Invite, string? Error)> CreateInviteAsync(string candidateId, CoachScopes scopes, string? boundEmail, CancellationToken cancellationToken)
    {
        scopes &= CoachScopes.All;
        if (scopes == CoachScopes.None)
        {
            return (null, "Choose at least one thing your coach may see.");
        }

        string? bound = null;
        if (!string.IsNullOrWhiteSpace(boundEmail))
        {
            var trimmed = boundEmail.Trim();
            if (!IsEmail(trimmed))
            {
                return (null, "The coach's e-mail is not an e-mail address (or leave it empty for an invitation anyone with the code can accept).");
            }

            bound = users.NormalizeEmail(trimmed);
        }

        var now = Now;
        var open = await db.CoachInvites.AsNoTracking().CountAsync(i => i.CandidateId == candidateId && i.UsedUtc == null && i.CancelledUtc == null && i.ExpiresUtc > now, cancellationToken);
        if (open >= CoachingLimits.OpenInvites)
        {
            return (null, $"You have {CoachingLimits.OpenInvites} open invitations already. Cancel one you no longer need first.");
        }

        var code = InviteCodes.New();
        var invite = new CoachInvite { CandidateId = candidateId, CodeHash = InviteCodes.Hash(code), BoundEmail = bound, Scopes = scopes, CreatedUtc = now, ExpiresUtc = now + CoachingLimits.InviteLifetime };
        db.CoachInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return (new NewInvite(invite.Id, code, invite.ExpiresUtc), null);
    }

    public async Task<CandidateCoaching> OverviewAsync(string candidateId, CancellationToken cancellationToken)
    {
        var now = Now;
        var links = await db.CoachLinks.AsNoTracking()
            .Where(l => l.CandidateId == candidateId)
            .OrderByDescending(l => l.CreatedUtc).ThenByDescending(l => l.Id)
            .Select(l => new
            {
                l.Id,
                l.Status,
                l.Scopes,
                l.CreatedUtc,
                l.ConsentedUtc,
                l.EndedUtc,
                Coach = db.Users.Where(u => u.Id == l.CoachId).Select(u => new { u.DisplayName, u.Email }).First(),
            })
            .Take(200)
            .ToListAsync(cancellationToken);
        var rows = links.Select(l => new LinkRow(l.Id, l.Coach.DisplayName, l.Coach.Email, l.Status, l.Scopes, l.CreatedUtc, l.ConsentedUtc, l.EndedUtc)).ToList();
        var invites = await db.CoachInvites.AsNoTracking()
            .Where(i => i.CandidateId == candidateId && i.UsedUtc == null && i.CancelledUtc == null && i.ExpiresUtc > now)
            .OrderByDescending(i => i.CreatedUtc)
            .Select(i => new InviteRow(i.Id, i.BoundEmail, i.Scopes, i.CreatedUtc, i.ExpiresUtc))
            .ToListAsync(cancellationToken);
        return new CandidateCoaching(
            rows.Where(r => r.Status == CoachLinkStatus.Active).ToList(),
            rows.Where(r => r.Status == CoachLinkStatus.Requested).ToList(),
            rows.Where(r => r.Status == CoachLinkStatus.Ended).ToList(),
            invites);
    }

    public async Task<bool> CancelInviteAsync(string candidateId, int inviteId, CancellationToken cancellationToken) =>
        await db.CoachInvites.Where(i => i.Id == inviteId && i.CandidateId == candidateId && i.UsedUtc == null && i.CancelledUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.CancelledUtc, Now), cancellationToken) > 0;

    /// <summary>Narrows or widens an active link's scopes; false when there is no such active link of the candidate's.</summary>
    public async Task<bool> SetScopesAsync(string candidateId, int linkId, CoachScopes scopes, CancellationToken cancellationToken)
    {
        scopes &= CoachScopes.All;
        if (scopes == CoachScopes.None)
        {
            return await RevokeAsync(candidateId, linkId, cancellationToken);
        }

        return await db.CoachLinks.Where(l => l.Id == linkId && l.CandidateId == candidateId && l.Status == CoachLinkStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Scopes, scopes).SetProperty(l => l.ConsentedUtc, Now), cancellationToken) > 0;
    }

    /// <summary>Ends an active link or declines a request; the coach's next request is refused.</summary>
    public async Task<bool> RevokeAsync(string candidateId, int linkId, CancellationToken cancellationToken) =>
        await db.CoachLinks.Where(l => l.Id == linkId && l.CandidateId == candidateId && l.Status != CoachLinkStatus.Ended)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, CoachLinkStatus.Ended).SetProperty(l => l.EndedUtc, Now), cancellationToken) > 0;

    /// <summary>Accepts a coach's request with the scopes chosen on the consent screen.</summary>
    public async Task<bool> AcceptRequestAsync(string candidateId, int linkId, CoachScopes scopes, CancellationToken cancellationToken)
    {
        scopes &= CoachScopes.All;
        if (scopes == CoachScopes.None)
        {
            return false;
        }

        return await db.CoachLinks.Where(l => l.Id == linkId && l.CandidateId == candidateId && l.Status == CoachLinkStatus.Requested)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, CoachLinkStatus.Active).SetProperty(l => l.Scopes, scopes).SetProperty(l => l.ConsentedUtc, Now).SetProperty(l => l.EndedUtc, (DateTime?)null), cancellationToken) > 0;
    }

    // ----- The coach's side -----

    /// <summary>What an invitation would open, or why it will not.</summary>
    public async Task<(InvitePreview? Preview, InviteProblem Problem)> PreviewInviteAsync(Viewer coach, string? typedCode, CancellationToken cancellationToken)
    {
        var (invite, problem) = await FindUsableInviteAsync(coach, typedCode, tracking: false, cancellationToken);
        if (invite is null)
        {
            return (null, problem);
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == invite.CandidateId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return (new InvitePreview(name, invite.Scopes, invite.ExpiresUtc), InviteProblem.None);
    }

    /// <summary>Uses the invitation up and opens (or reopens) the link with its scopes; the link's id, or why not.</summary>
    public async Task<(int? LinkId, InviteProblem Problem)> AcceptInviteAsync(Viewer coach, string? typedCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var (invite, problem) = await FindUsableInviteAsync(coach, typedCode, tracking: true, cancellationToken);
        if (invite is null)
        {
            return (null, problem);
        }

        var now = Now;
        invite.UsedUtc = now;
        invite.UsedById = coach.UserId;
        var link = await db.CoachLinks.SingleOrDefaultAsync(l => l.CandidateId == invite.CandidateId && l.CoachId == coach.UserId, cancellationToken);
        if (link is null)
        {
            link = new CoachLink { CandidateId = invite.CandidateId, CoachId = coach.UserId, CreatedUtc = now };
            db.CoachLinks.Add(link);
        }

        link.Status = CoachLinkStatus.Active;
        link.Scopes = invite.Scopes;
        link.ConsentedUtc = now;
        link.EndedUtc = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another acceptance of the same code (the concurrency token) or of another code for the same pair won.
            db.ChangeTracker.Clear();
            return (null, InviteProblem.Used);
        }

        return (link.Id, InviteProblem.None);
    }

    /// <summary>
    /// Asks the account with this e-mail for access. The answer never says whether such an account exists: the
    /// request, if it was made, waits on the candidate's coaching page and shows the coach nothing until accepted.
    /// </summary>
    public async Task<string?> RequestAsync(Viewer coach, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var trimmed = email?.Trim() ?? string.Empty;
        if (!IsEmail(trimmed))
        {
            return "Enter the candidate's e-mail address.";
        }

        if (!coach.Holds(AppRoles.Coach))
        {
            return Describe(InviteProblem.NotCoach);
        }

        var waiting = await db.CoachLinks.AsNoTracking().CountAsync(l => l.CoachId == coach.UserId && l.Status == CoachLinkStatus.Requested, cancellationToken);
        if (waiting >= CoachingLimits.OpenRequests)
        {
            return $"You have {CoachingLimits.OpenRequests} requests waiting for an answer already.";
        }

        var normalised = users.NormalizeEmail(trimmed);
        var candidateId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (candidateId is null || candidateId == coach.UserId)
        {
            return null;
        }

        var link = await db.CoachLinks.SingleOrDefaultAsync(l => l.CandidateId == candidateId && l.CoachId == coach.UserId, cancellationToken);
        if (link is null)
        {
            db.CoachLinks.Add(new CoachLink { CandidateId = candidateId, CoachId = coach.UserId, Status = CoachLinkStatus.Requested, Scopes = CoachScopes.Summary, CreatedUtc = Now });
        }
        else if (link.Status == CoachLinkStatus.Ended)
        {
            link.Status = CoachLinkStatus.Requested;
            link.CreatedUtc = Now;
        }
        else
        {
            return null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request made twice at once: one row stands, which is what was asked.
            db.ChangeTracker.Clear();
        }

        return null;
    }

    private async Task<(CoachInvite? Invite, InviteProblem Problem)> FindUsableInviteAsync(Viewer coach, string? typedCode, bool tracking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (InviteCodes.Normalise(typedCode) is not { } code)
        {
            return (null, InviteProblem.Unknown);
        }

        var hash = InviteCodes.Hash(code);
        var query = tracking ? db.CoachInvites : db.CoachInvites.AsNoTracking();
        var invite = await query.SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        if (invite is null)
        {
            return (null, InviteProblem.Unknown);
        }

        if (invite.CandidateId == coach.UserId)
        {
            return (null, InviteProblem.Own);
        }

        if (invite.CancelledUtc is not null)
        {
            return (null, InviteProblem.Cancelled);
        }

        if (invite.UsedUtc is not null)
        {
            return (null, InviteProblem.Used);
        }

        if (invite.ExpiresUtc <= Now)
        {
            return (null, InviteProblem.Expired);
        }

        if (!coach.Holds(AppRoles.Coach))
        {
            return (null, InviteProblem.NotCoach);
        }

        if (invite.BoundEmail is not null)
        {
            var email = await db.Users.AsNoTracking().Where(u => u.Id == coach.UserId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
            if (!string.Equals(email, invite.BoundEmail, StringComparison.Ordinal))
            {
                return (null, InviteProblem.Foreign);
            }
        }

        return (invite, InviteProblem.None);
    }

    /// <summary>The coach's active link with this id; null (a 404) for any other id, a request still waiting, or an ended link.</summary>
    public async Task<CoachedCandidate?> FindAsync(Viewer coach, int linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (!coach.Holds(AppRoles.Coach))
        {
            return null;
        }

        return await db.CoachLinks.AsNoTracking()
            .Where(l => l.Id == linkId && l.CoachId == coach.UserId && l.Status == CoachLinkStatus.Active)
            .Select(l => new CoachedCandidate(l.Id, l.CandidateId, db.Users.Where(u => u.Id == l.CandidateId).Select(u => u.DisplayName).First(), l.Scopes, l.ConsentedUtc))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The coach stops coaching this candidate.</summary>
    public async Task<bool> EndAsync(Viewer coach, int linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return await db.CoachLinks.Where(l => l.Id == linkId && l.CoachId == coach.UserId && l.Status != CoachLinkStatus.Ended)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, CoachLinkStatus.Ended).SetProperty(l => l.EndedUtc, Now), cancellationToken) > 0;
    }

    /// <summary>Requests the coach made that wait for an answer (names only: the coach typed the e-mail themselves).</summary>
    public async Task<int> WaitingRequestsAsync(Viewer coach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return await db.CoachLinks.AsNoTracking().CountAsync(l => l.CoachId == coach.UserId && l.Status == CoachLinkStatus.Requested, cancellationToken);
    }

    /// <summary>
    /// How many points (of 100) the self-assessment's mean area score stands above the graded answers' evidence
    /// (<see cref="AssessmentScoring.Calibrate"/>'s scale: (mean rubric score - 1) / 3 x 100); null when there is no
    /// assessment, fewer than <see cref="AssessmentScoring.MinimumEvidenceAttempts"/> graded answers, or the gap is
    /// under <see cref="CoachingLimits.OverratingFlagPoints"/>.
    /// </summary>
    public static double? OverratingPoints(double? selfScore, int graded, double scoreSum)
    {
        if (selfScore is not double self || graded < AssessmentScoring.MinimumEvidenceAttempts)
        {
            return null;
        }

        var evidence = (Math.Clamp(scoreSum / graded, 1, 4) - 1) / 3 * 100;
        var above = Math.Round(self - evidence);
        return above >= CoachingLimits.OverratingFlagPoints ? above : null;
    }

    /// <summary>
    /// One page of the coach's cohort, in three queries whatever its size: the links, the practice days of the page's
    /// candidates over the trend's weeks and the streak, and the reviews due of those who share their summary. A
    /// candidate who shares no summary shows their name and scopes only.
    /// </summary>
    public async Task<Paged<CohortRow>> CohortAsync(Viewer coach, int page, CohortSort sort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        page = Paging.Clamp(page);
        var size = CoachingLimits.CohortPageSize;
        if (!coach.Holds(AppRoles.Coach))
        {
            return new Paged<CohortRow>([], 0, page, size);
        }

        var links = await db.CoachLinks.AsNoTracking()
            .Where(l => l.CoachId == coach.UserId && l.Status == CoachLinkStatus.Active)
            .Select(l => new
            {
                l.Id,
                l.CandidateId,
                l.Scopes,
                User = db.Users.Where(u => u.Id == l.CandidateId).Select(u => new { u.DisplayName, u.TimeZoneId }).First(),
                Built = db.ProgressRollupStates.Where(s => s.UserId == l.CandidateId).Select(s => s.ZoneId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // The figures come from the candidates' roll-ups: build those missing or stale (once per candidate, as their
        // own dashboard would on its next read), so someone who practised but never opened it is not shown as idle.
        foreach (var stale in links.Where(l => l.Scopes.HasFlag(CoachScopes.Summary) && l.Built != UserClock.Find(l.User.TimeZoneId).Id))
        {
            await rollups.RebuildAsync(stale.CandidateId, UserClock.Find(stale.User.TimeZoneId), cancellationToken);
        }

        var now = Now;
        var summaryIds = links.Where(l => l.Scopes.HasFlag(CoachScopes.Summary)).Select(l => l.CandidateId).ToList();
        // Days far enough back for the trend and a streak of a year; the roll-up holds one small row per day practised.
        var from = DateOnly.FromDateTime(now).AddDays(-400);
        var days = summaryIds.Count == 0
            ? []
            : await db.ProgressDays.AsNoTracking()
                .Where(d => summaryIds.Contains(d.UserId) && d.Day >= from && d.Attempts > 0)
                .Select(d => new { d.UserId, d.Day, d.Attempts })
                .ToListAsync(cancellationToken);
        var due = summaryIds.Count == 0
            ? []
            : await db.ReviewSchedules.AsNoTracking()
                .Where(r => summaryIds.Contains(r.UserId) && !r.Retired && r.DueUtc < now)
                .GroupBy(r => r.UserId)
                .Select(g => new { UserId = g.Key, Overdue = g.Count(r => r.DueUtc < now) })
                .ToListAsync(cancellationToken);
        // Readiness (summary) from each candidate's latest completed self-assessment, and what it claims beside the
        // graded answers of the last six months (only for those who share both their summary and their assessments).
        var completed = summaryIds.Count == 0
            ? []
            : await db.Assessments.AsNoTracking()
                .Where(a => summaryIds.Contains(a.UserId) && a.CompletedUtc != null)
                .Select(a => new { a.Id, a.UserId, a.TargetLevelId, CompletedUtc = a.CompletedUtc!.Value })
                .ToListAsync(cancellationToken);
        var latest = completed.GroupBy(a => a.UserId).Select(g => g.MaxBy(a => a.CompletedUtc)!).ToList();
        var latestIds = latest.Select(a => a.Id).ToList();
        var areaScores = latestIds.Count == 0
            ? []
            : await db.AssessmentAreaScores.AsNoTracking()
                .Where(s => latestIds.Contains(s.AssessmentId))
                .Select(s => new { s.AssessmentId, s.SkillId, s.Score, s.Target })
                .ToListAsync(cancellationToken);
        var readinessByUser = latest.ToDictionary(a => a.UserId, a =>
        {
            var areas = areaScores.Where(s => s.AssessmentId == a.Id).ToList();
            var level = AssessmentScoring.ForLevel(a.TargetLevelId, areas.ToDictionary(s => s.SkillId, s => s.Score, StringComparer.Ordinal), areas.ToDictionary(s => s.SkillId, s => s.Target, StringComparer.Ordinal));
            return (Readiness: new CohortReadiness(a.TargetLevelId, level.Percent, level.Readiness, a.CompletedUtc), SelfScore: areas.Count == 0 ? (double?)null : areas.Average(s => s.Score));
        });
        var bothIds = links.Where(l => l.Scopes.HasFlag(CoachScopes.Summary | CoachScopes.Assessments)).Select(l => l.CandidateId).ToList();
        var sinceMonth = new DateOnly(now.Year, now.Month, 1).AddMonths(-5);
        var graded = bothIds.Count == 0
            ? []
            : await db.ProgressSkillMonths.AsNoTracking()
                .Where(m => bothIds.Contains(m.UserId) && m.Month >= sinceMonth)
                .GroupBy(m => m.UserId)
                .Select(g => new { UserId = g.Key, Graded = g.Sum(m => m.Graded), ScoreSum = g.Sum(m => m.ScoreSum) })
                .ToListAsync(cancellationToken);
        var gradedByUser = graded.ToDictionary(g => g.UserId, g => (g.Graded, g.ScoreSum));
        var unread = await CoachFeedback.UnreadForCoachAsync(db, coach.UserId, links.Select(l => l.CandidateId).ToList(), cancellationToken);
        var overdueAssignments = await CoachAssignments.OverdueForCoachAsync(db, coach.UserId, summaryIds, now, cancellationToken);
        var daysByUser = days.GroupBy(d => d.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(d => d.Day, d => d.Attempts));
        var dueByUser = due.ToDictionary(d => d.UserId, d => d.Overdue);

        var rows = links.Select(l =>
        {
            if (!l.Scopes.HasFlag(CoachScopes.Summary))
            {
                return new CohortRow(l.Id, l.User.DisplayName, l.Scopes, null, 0, 0, 0, null, [], [], null, unread.GetValueOrDefault(l.CandidateId));
            }

            var today = Streaks.LocalDay(now, UserClock.Find(l.User.TimeZoneId));
            var practised = daysByUser.GetValueOrDefault(l.CandidateId) ?? [];
            DateOnly? last = practised.Count == 0 ? null : practised.Keys.Max();
            var streak = Streaks.Compute(practised.Keys, today).Current;
            int Since(int n) => practised.Where(p => p.Key > today.AddDays(-n)).Sum(p => p.Value);
            var weekly = Enumerable.Range(0, TrendWeeks).Select(w =>
            {
                var end = today.AddDays(-7 * (TrendWeeks - 1 - w));
                return practised.Where(p => p.Key <= end && p.Key > end.AddDays(-7)).Sum(p => p.Value);
            }).ToList();
            var flags = new List<string>();
            var quiet = last is { } l2 ? today.DayNumber - l2.DayNumber : (int?)null;
            if (quiet is null)
            {
                flags.Add("no practice yet");
            }
            else if (quiet >= QuietDays)
            {
                flags.Add($"no practice for {quiet} days");
            }

            var overdue = dueByUser.GetValueOrDefault(l.CandidateId);
            if (overdue >= 20)
            {
                flags.Add($"{overdue} reviews overdue");
            }

            var late = overdueAssignments.GetValueOrDefault(l.CandidateId);
            if (late > 0)
            {
                flags.Add(late == 1 ? "assignment overdue" : $"{late} assignments overdue");
            }

            var readiness = readinessByUser.GetValueOrDefault(l.CandidateId);
            if (l.Scopes.HasFlag(CoachScopes.Assessments) && gradedByUser.TryGetValue(l.CandidateId, out var g)
                && OverratingPoints(readiness.SelfScore, g.Graded, g.ScoreSum) is double above)
            {
                flags.Add($"self-rating {above:0} points above graded answers");
            }

            return new CohortRow(l.Id, l.User.DisplayName, l.Scopes, last, streak, Since(7), Since(30), overdue, weekly, flags, readiness.Readiness, unread.GetValueOrDefault(l.CandidateId), late);
        });

        rows = sort switch
        {
            CohortSort.LastActive => rows.OrderBy(r => r.LastActive ?? DateOnly.MinValue).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            CohortSort.Streak => rows.OrderByDescending(r => r.CurrentStreak).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            CohortSort.Attempts7 => rows.OrderBy(r => r.Attempts7).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            CohortSort.Attempts30 => rows.OrderBy(r => r.Attempts30).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            CohortSort.Due => rows.OrderByDescending(r => r.ReviewsDue ?? -1).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            CohortSort.Readiness => rows.OrderBy(r => r.Readiness?.Percent ?? -1).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            CohortSort.Overdue => rows.OrderByDescending(r => r.AssignmentsOverdue).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            _ => rows.OrderByDescending(r => r.Flags.Count > 0).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
        };
        var all = rows.ToList();
        return new Paged<CohortRow>(all.Skip(Paging.Skip(page, size)).Take(size).ToList(), all.Count, page, size);
    }
}
