using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Demo;

/// <summary>
/// A demo candidate with months of varied, improving practice, so a newcomer sees a living dashboard.
/// Deterministic for a given seed. Only ever created by the seed-demo command, never at start-up.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string DefaultEmail = "demo@tpmprep.local";
    public const string DefaultPassword = "practise-the-loop-26";

    /// <summary>Creates the demo account with its history; returns false (and changes nothing) if it already exists.</summary>
    private static readonly string[] DemoBookmarks = ["ms-critical-path-calculation", "sd-url-shortener-launch", "comm-steering-committee-that-decides"];

    public async Task<bool> CreateAccountAsync(string email, string password, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return false;
        }

        var user = new AppUser { UserName = email, Email = email, DisplayName = "Demo Candidate", CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-120), TimeZoneId = "UTC", InterviewDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(24), TargetLevelId = "senior-tpm" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, AppRoles.Candidate);
        await AddHistoryAsync(user.Id, catalogue, days: 120, attemptCount: 260, seed: 2026, cancellationToken);
        // One question of the candidate's own under My questions: the editor's starting example, as if written there.
        var now = clock.GetUtcNow().UtcDateTime;
        var written = ContentLoader.ParseWrittenQuestion(QuestionSource.IdOf(1), "question", CustomQuestionService.Template, catalogue).Question;
        if (written is not null)
        {
            db.CustomQuestions.Add(new CustomQuestion { AuthorId = user.Id, Title = written.Title, Markdown = CustomQuestionService.Template + "\n", CreatedUtc = now.AddDays(-3), UpdatedUtc = now.AddDays(-3), Version = 1 });
            await db.SaveChangesAsync(cancellationToken);
        }

        // Bookmarks and a list, so Find questions and Your lists show what they are for on first run.
        var bookmarks = DemoBookmarks.Where(id => catalogue.FindQuestion(id) is not null).ToList();
        var weakOnRisk = catalogue.Questions.Where(q => q.PrimarySkill == "risk-management").OrderBy(q => q.Id, StringComparer.Ordinal).Take(4).Select(q => q.Id).ToList();
        db.QuestionSets.Add(new QuestionSet
        {
            OwnerId = user.Id, Purpose = QuestionSetPurpose.Bookmarks, Title = TpmPrep.Web.Lists.QuestionLists.BookmarksName, CreatedUtc = now.AddDays(-9), UpdatedUtc = now.AddDays(-2), Version = 1,
            Items = bookmarks.Select((id, i) => new QuestionSetItem { Position = i + 1, QuestionId = id }).ToList(),
        });
        db.QuestionSets.Add(new QuestionSet
        {
            OwnerId = user.Id, Purpose = QuestionSetPurpose.List, Title = "Weak on risk", CreatedUtc = now.AddDays(-6), UpdatedUtc = now.AddDays(-1), Version = 1,
            Items = weakOnRisk.Select((id, i) => new QuestionSetItem { Position = i + 1, QuestionId = id }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds <paramref name="attemptCount"/> graded attempts spread over the last <paramref name="days"/> days (scores
    /// rising over time, some idle days), the review schedule they lead to, two practice sessions and two
    /// completed self-assessments.
    /// </summary>
    public async Task AddHistoryAsync(string userId, ContentCatalogue catalogue, int days, int attemptCount, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var random = new Random(seed);
        var questions = catalogue.Questions.OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        if (questions.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.Date.AddDays(-days);
        // Practice days: most days, with the odd gap, and always today and yesterday for a live streak.
        var practiceDays = Enumerable.Range(0, days + 1).Select(d => start.AddDays(d)).Where(d => d >= now.Date.AddDays(-1) || random.NextDouble() < 0.7).ToList();
        var attempts = new List<Attempt>(attemptCount);
        for (var i = 0; i < attemptCount; i++)
        {
            var day = practiceDays[(int)((long)i * practiceDays.Count / attemptCount)];
            var created = day.AddHours(7 + random.Next(14)).AddMinutes(random.Next(60));
            if (created > now)
            {
                created = now.AddMinutes(-attemptCount + i);
            }

            var question = questions[random.Next(questions.Count)];
            attempts.Add(GradedAttempt(userId, question, created, (created - start).TotalDays / Math.Max(1, days), random));
        }

        db.Attempts.AddRange(attempts);

        // Replay the reviews in time order, exactly as grading them one by one would have.
        var schedules = new Dictionary<string, ReviewSchedule>(StringComparer.Ordinal);
        foreach (var attempt in attempts.OrderBy(a => a.CreatedUtc))
        {
            var firstReview = !schedules.TryGetValue(attempt.QuestionId, out var schedule);
            if (firstReview)
            {
                schedules[attempt.QuestionId] = schedule = new ReviewSchedule { UserId = userId, QuestionId = attempt.QuestionId };
            }

            ReviewService.MoveOn(schedule!, firstReview, attempt.AverageScore!.Value, attempt.GradedUtc!.Value);
        }

        db.ReviewSchedules.AddRange(schedules.Values);
        await db.SaveChangesAsync(cancellationToken);

        var recent = attempts.OrderByDescending(a => a.CreatedUtc).Take(3).Reverse().ToList();
        db.PracticeSessions.Add(new PracticeSession
        {
            UserId = userId,
            Mode = SessionMode.MockInterview,
            Description = "Demo mock interview",
            TotalMinutes = recent.Sum(a => catalogue.FindQuestion(a.QuestionId)!.Minutes),
            CreatedUtc = recent[0].CreatedUtc.AddMinutes(-1),
            StartedUtc = recent[0].CreatedUtc.AddMinutes(-1),
            CompletedUtc = recent[^1].CreatedUtc,
            Items = recent.Select((a, i) => new PracticeSessionItem { Position = i + 1, QuestionId = a.QuestionId, AttemptId = a.Id, ShownUtc = a.CreatedUtc.AddSeconds(-a.TimeTakenSeconds) }).ToList(),
        });

        var snapshot = SkillModelSnapshot.From(catalogue);
        foreach (var (ago, rating) in new[] { (days - 10, 2), (7, 4) })
        {
            var when = now.AddDays(-ago);
            var indicators = catalogue.Skills.SelectMany(s => s.Indicators).ToList();
            var ratings = indicators.Select(ind => new AssessmentRating
            {
                IndicatorId = ind.Id,
                SkillId = ind.SkillId,
                Rating = Math.Clamp(rating + random.Next(-1, 2), 1, 5),
                UpdatedUtc = when,
            }).ToList();
            var level = catalogue.Levels.Count > 1 ? catalogue.Levels[1] : catalogue.Levels.Count == 1 ? catalogue.Levels[0] : null;
            db.Assessments.Add(new Assessment
            {
                UserId = userId,
                TargetLevelId = level?.Id ?? "senior-tpm",
                StartedUtc = when.AddMinutes(-15),
                UpdatedUtc = when,
                CompletedUtc = when,
                ModelSnapshot = snapshot.ToJson(),
                Ratings = ratings,
                AreaScores = catalogue.Skills.Select(s => new AssessmentAreaScore
                {
                    SkillId = s.Id,
                    Score = AssessmentScoring.AreaScore(ratings.Where(r => r.SkillId == s.Id).Select(r => r.Rating).ToList()),
                    Target = level?.Targets.GetValueOrDefault(s.Id) ?? 0,
                }).ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A self-graded answer to <paramref name="question"/> made at <paramref name="createdUtc"/>, with scores on its rubric's
    /// own scale that rise with <paramref name="progress"/> (0 at the start of a history, 1 at its end) and some noise.
    /// </summary>
    internal static Attempt GradedAttempt(string userId, Question question, DateTime createdUtc, double progress, Random random)
    {
        var levels = question.RubricLevels;
        var scores = question.Rubric.Select(_ =>
        {
            var common = 1.6 + (1.6 * progress) + ((random.NextDouble() - 0.5) * 1.6);
            return Math.Clamp((int)Math.Round(RubricScale.Lowest + ((common - RubricScale.Lowest) * (levels - RubricScale.Lowest) / (RubricScale.CommonLevels - RubricScale.Lowest))), RubricScale.Lowest, levels);
        }).ToList();
        return new Attempt
        {
            UserId = userId,
            QuestionId = question.Id,
            BankId = question.BankId,
            SkillId = question.PrimarySkill,
            QuestionTitle = question.Title,
            QuestionTextHash = question.TextHash,
            Answer = $"Demo answer to \"{question.Title}\": clarify the goal and constraints, lay out the plan in phases, name the risks with owners, and say how progress is reported.",
            TimeTakenSeconds = (int)(question.Minutes * 60 * (0.6 + (random.NextDouble() * 0.7))),
            CreatedUtc = createdUtc,
            GradedUtc = createdUtc.AddMinutes(3),
            AverageScore = RubricScale.ToCommon(scores.Average(), levels),
            Scores = scores.Select((s, index) => new AttemptScore
            {
                CriterionIndex = index,
                Criterion = question.Rubric[index].Title,
                Score = s,
                Levels = levels,
                GradedById = userId,
                GraderRole = GraderRole.Self,
            }).ToList(),
        };
    }
}
