using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Demo;

/// <summary>The demo coach, linked to the demo candidate with every scope, so the cohort view shows something on first run.</summary>
public sealed class DemoCoaching(UserManager<AppUser> users, AppDbContext db, TimeProvider clock, TpmPrep.Web.Catalogue.CatalogueProvider catalogue)
{
    public const string CoachEmail = "coach@tpmprep.local";

    /// <summary>Creates the coach and the link; false when the coach exists already (nothing changes).</summary>
    public async Task<bool> CreateAsync(string candidateEmail, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(CoachEmail) is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var coach = new AppUser { UserName = CoachEmail, Email = CoachEmail, DisplayName = "Demo Coach", CreatedUtc = now.AddDays(-60), TimeZoneId = "UTC" };
        var created = await users.CreateAsync(coach, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(coach, AppRoles.Coach);
        var candidateId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == users.NormalizeEmail(candidateEmail)).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (candidateId is not null)
        {
            db.CoachLinks.Add(new CoachLink { CandidateId = candidateId, CoachId = coach.Id, Status = CoachLinkStatus.Active, Scopes = CoachScopes.All, CreatedUtc = now.AddDays(-30), ConsentedUtc = now.AddDays(-30) });
            await AddFeedbackAsync(candidateId, coach, now, cancellationToken);
            await AddAssignmentsAsync(candidateId, coach, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// On the candidate's two newest graded attempts: a thread on the whole answer that the candidate answered, one
    /// pinned to the weakest criterion left unread, the coach's grade of the newest; and the coach's private notes.
    /// </summary>
    private async Task AddFeedbackAsync(string candidateId, AppUser coach, DateTime now, CancellationToken cancellationToken)
    {
        var graded = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == candidateId && a.GradedUtc != null)
            .OrderByDescending(a => a.CreatedUtc).Take(2)
            .Select(a => new { a.Id, a.CreatedUtc, Scores = a.Scores.Where(s => s.GraderRole == GraderRole.Self).OrderBy(s => s.CriterionIndex).Select(s => new { s.CriterionIndex, s.Criterion, s.Score, s.Levels }).ToList() })
            .ToListAsync(cancellationToken);
        if (graded.Count == 0)
        {
            return;
        }

        var newest = graded[0];
        var at = newest.CreatedUtc.AddHours(20) < now ? newest.CreatedUtc.AddHours(20) : now;
        db.CommentThreads.Add(new CommentThread
        {
            AttemptId = newest.Id,
            CandidateId = candidateId,
            CoachId = coach.Id,
            CoachName = coach.DisplayName,
            CreatedUtc = at,
            Comments =
            [
                new ThreadComment { FromCoach = true, AuthorName = coach.DisplayName, CreatedUtc = at, SeenUtc = at.AddHours(1), Body = "A clear structure. Lead with the decision you would take, then the evidence: the interviewer should hear your call in the first minute." },
                new ThreadComment { FromCoach = false, AuthorName = "Demo Candidate", CreatedUtc = at.AddHours(2), Body = "Thanks. Should I state the trade-off before or after the recommendation?" },
            ],
        });
        if (newest.Scores.Count > 0)
        {
            var weakest = newest.Scores.MinBy(s => s.Score)!;
            db.CommentThreads.Add(new CommentThread
            {
                AttemptId = newest.Id,
                CandidateId = candidateId,
                CoachId = coach.Id,
                CoachName = coach.DisplayName,
                CriterionIndex = weakest.CriterionIndex,
                Criterion = weakest.Criterion,
                CreatedUtc = at,
                Comments = [new ThreadComment { FromCoach = true, AuthorName = coach.DisplayName, CreatedUtc = at, Body = "Here the answer names the risk but not **who owns it** or **what would trigger** the fallback. Add both." }],
            });
            // The coach's grade: a point below the candidate's own on the weakest criterion, the same elsewhere.
            db.AttemptScores.AddRange(newest.Scores.Select(s => new AttemptScore
            {
                AttemptId = newest.Id,
                CriterionIndex = s.CriterionIndex,
                Criterion = s.Criterion,
                Score = s.CriterionIndex == weakest.CriterionIndex ? Math.Max(1, s.Score - 1) : s.Score,
                Levels = s.Levels,
                GradedById = coach.Id,
                GraderRole = GraderRole.Coach,
                GraderName = coach.DisplayName,
                GradedUtc = at,
            }));
        }

        db.CoachNotes.Add(new CoachNote { CoachId = coach.Id, CandidateId = candidateId, UpdatedUtc = now, Body = "Aiming at Senior TPM. Strong on execution; rehearse stakeholder conflict stories and open estimation." });
    }

    /// <summary>
    /// A question set of the coach's, assigned as a mock interview due in five days (in progress or not started,
    /// by what the candidate does), and a short practice set that fell due two days ago unanswered: the cohort's
    /// "assignment overdue" flag.
    /// </summary>
    private async Task AddAssignmentsAsync(string candidateId, AppUser coach, DateTime now, CancellationToken cancellationToken)
    {
        // Questions the candidate has not answered in the last ten days, so the assignments start as the text says.
        var since = now.AddDays(-10);
        var recent = (await db.Attempts.AsNoTracking().Where(a => a.UserId == candidateId && a.CreatedUtc >= since).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var questions = catalogue.Current.Questions.Where(q => !recent.Contains(q.Id)).OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        if (questions.Count < 5)
        {
            return;
        }

        var setQuestions = questions.Where(q => q.Skills.Contains("communication")).Take(3).ToList() is { Count: 3 } found ? found : questions.Take(3).ToList();
        var set = new QuestionSet
        {
            OwnerId = coach.Id,
            Purpose = QuestionSetPurpose.Interview,
            Title = "Senior TPM warm-up",
            FocusSkills = "communication",
            LevelId = setQuestions[0].LevelId,
            Instructions = "Three questions to rehearse before a senior loop: answer each aloud first, then write it down.",
            CreatedUtc = now.AddDays(-3),
            UpdatedUtc = now.AddDays(-3),
            Version = 1,
            Items = setQuestions.Select((q, i) => new QuestionSetItem { Position = i + 1, QuestionId = q.Id }).ToList(),
        };
        db.QuestionSets.Add(set);
        db.CoachAssignments.Add(new CoachAssignment
        {
            CandidateId = candidateId,
            CoachId = coach.Id,
            Title = "Senior TPM warm-up as a mock interview",
            Mode = SessionMode.MockInterview,
            QuestionIds = string.Join(',', setQuestions.Select(q => q.Id)),
            CreatedUtc = now.AddDays(-2),
            DueUtc = now.Date.AddDays(6),
        });
        var estimation = questions.Where(q => !setQuestions.Contains(q)).TakeLast(2).ToList();
        db.CoachAssignments.Add(new CoachAssignment
        {
            CandidateId = candidateId,
            CoachId = coach.Id,
            Title = "Two questions to warm up",
            Mode = SessionMode.Practice,
            QuestionIds = string.Join(',', estimation.Select(q => q.Id)),
            CreatedUtc = now.AddDays(-9),
            DueUtc = now.Date.AddDays(-1),
        });
    }
}
