using System.Globalization;
using Microsoft.AspNetCore.Identity;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Demo;

/// <summary>
/// Accounts for the benchmark (benchmarks/run.sh, docs/performance.md): candidates with a year of graded practice of a
/// given size, and writers with no history. Only ever created by the seed-load-test command, never at start-up.
/// </summary>
public sealed class LoadTestData(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string DefaultPassword = "load-test-password-26";

    public const int DefaultWriters = 8;

    public static IReadOnlyList<int> DefaultSizes { get; } = [0, 500, 5_000, 50_000];

    /// <summary>The candidate with <paramref name="attempts"/> attempts: load-5000@tpmprep.local.</summary>
    public static string CandidateEmail(int attempts) => $"load-{attempts}@tpmprep.local";

    /// <summary>The <paramref name="number"/>th writer (from 1): writer-1@tpmprep.local.</summary>
    public static string WriterEmail(int number) => $"writer-{number}@tpmprep.local";

    /// <summary>
    /// Creates a candidate with <paramref name="attemptCount"/> graded attempts, or returns false (and changes nothing)
    /// if the e-mail is taken. The account and its history are saved in one transaction: never half a history.
    /// </summary>
    public async Task<bool> CreateAccountAsync(string email, string displayName, string password, int attemptCount, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentOutOfRangeException.ThrowIfNegative(attemptCount);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName, CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-400), TimeZoneId = "UTC" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var role = await users.AddToRoleAsync(user, AppRoles.Candidate);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));
        }

        await AddHistoryAsync(user.Id, attemptCount, catalogue, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// <paramref name="count"/> graded attempts, oldest first, evenly spread over the last 365 days and cycling through
    /// the catalogue's questions in id order, with the demo's answers and rising scores; then one review schedule per
    /// practised question, replayed through the same SM-2 step as grading. Each row goes straight to the database
    /// through a prepared insert (<see cref="PreparedInsert{T}"/>), so memory stays flat however long the history.
    /// </summary>
    private async Task AddHistoryAsync(string userId, int count, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        var questions = catalogue.Questions.Where(q => q.Rubric.Count > 0).OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        if (count == 0 || questions.Count == 0)
        {
            return;
        }

        var random = new Random(count);
        var now = clock.GetUtcNow().UtcDateTime;
        var schedules = new Dictionary<string, ReviewSchedule>(StringComparer.Ordinal);
        await using (var insertAttempt = await PreparedInsert<Attempt>.CreateAsync(db, cancellationToken))
        await using (var insertScore = await PreparedInsert<AttemptScore>.CreateAsync(db, cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                // The newest attempt is five minutes old, graded three minutes later: all in the past.
                var createdUtc = now.AddDays(-365.0 * (count - 1 - i) / count).AddMinutes(-5);
                var attempt = DemoData.GradedAttempt(userId, questions[i % questions.Count], createdUtc, count == 1 ? 1 : (double)i / (count - 1), random);
                attempt.Id = Convert.ToInt32(await insertAttempt.RunAsync(attempt, cancellationToken), CultureInfo.InvariantCulture);
                foreach (var score in attempt.Scores)
                {
                    score.AttemptId = attempt.Id;
                    await insertScore.RunAsync(score, cancellationToken);
                }

                var firstReview = !schedules.TryGetValue(attempt.QuestionId, out var schedule);
                if (firstReview)
                {
                    schedules[attempt.QuestionId] = schedule = new ReviewSchedule { UserId = userId, QuestionId = attempt.QuestionId };
                }

                ReviewService.MoveOn(schedule!, firstReview, attempt.AverageScore!.Value, attempt.GradedUtc!.Value);
            }
        }

        // At most one per question: few enough for SaveChanges.
        db.ReviewSchedules.AddRange(schedules.Values);
        await db.SaveChangesAsync(cancellationToken);
        // The dashboard's roll-ups are built from these rows in one pass when first read, as after an import.
        await ProgressRollups.MarkStaleAsync(db, userId, cancellationToken);
    }
}
