using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Tests.Infrastructure;
using Xunit;

namespace TpmPrep.Web.Tests.Pages.Progress;

/// <summary>
/// The roll-ups kept on every write must equal the ones built from scratch out of the attempts, after any mix of
/// answers, gradings, regradings, deletions and writes at once; and they follow the user's time zone.
/// </summary>
public sealed class RollupTests
{
    [Fact]
    public async Task KeptOnEveryWriteTheyEqualARebuildFromTheAttempts()
    {
        using var factory = new TpmPrepFactory();
        var (viewer, questions) = await CandidateAsync(factory, "rollups@example.com");
        await BuildAsync(factory, viewer.UserId);

        var random = new Random(11);
        var ids = new List<int>();
        for (var step = 0; step < 120; step++)
        {
            factory.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
            using var scope = factory.Services.CreateScope();
            var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
            var question = questions[random.Next(questions.Count)];
            switch (random.Next(4))
            {
                case 0 or 1:
                    ids.Add(await attempts.CreateAsync(viewer, viewer.UserId, question, "An answer.", 60, CancellationToken.None));
                    break;
                case 2 when ids.Count > 0:
                    var id = ids[random.Next(ids.Count)];
                    var details = await attempts.FindAsync(viewer, id, CancellationToken.None);
                    var asked = questions.Single(q => q.Id == details!.QuestionId);
                    var scores = asked.Rubric.Select(_ => random.Next(1, asked.RubricLevels + 1)).ToList();
                    Assert.Equal(GradeOutcome.Saved, await attempts.GradeAsync(viewer, id, asked, scores, CancellationToken.None));
                    break;
                case 3 when ids.Count > 0:
                    var gone = ids[random.Next(ids.Count)];
                    Assert.True(await attempts.DeleteAsync(viewer, gone, CancellationToken.None));
                    ids.Remove(gone);
                    break;
            }
        }

        var kept = await ReadAsync(factory, viewer.UserId);
        Assert.NotEmpty(kept.Days);
        Assert.Contains(kept.SkillMonths, m => m.Graded > 0);
        Assert.Equal(ids.Count, kept.Days.Sum(d => d.Attempts));

        await RebuildAsync(factory, viewer.UserId, TimeZoneInfo.Utc);
        Assert.Equal(await ReadAsync(factory, viewer.UserId), kept);
    }

    [Fact]
    public async Task EightAnswersAndGradingsAtOnceAreAllCounted()
    {
        using var factory = new TpmPrepFactory();
        var (viewer, questions) = await CandidateAsync(factory, "busy@example.com");
        await BuildAsync(factory, viewer.UserId);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var scope = factory.Services.CreateScope();
            var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
            var question = questions[i % 3];
            var id = await attempts.CreateAsync(viewer, viewer.UserId, question, "An answer.", 60, CancellationToken.None);
            Assert.Equal(GradeOutcome.Saved, await attempts.GradeAsync(viewer, id, question, question.Rubric.Select(_ => 3).ToList(), CancellationToken.None));
        }));

        var kept = await ReadAsync(factory, viewer.UserId);
        Assert.Equal(8, kept.Days.Sum(d => d.Attempts));
        Assert.Equal(8, kept.Days.Sum(d => d.Graded));
        Assert.Equal(8, kept.SkillMonths.Sum(m => m.Graded));
        await RebuildAsync(factory, viewer.UserId, TimeZoneInfo.Utc);
        Assert.Equal(await ReadAsync(factory, viewer.UserId), kept);
    }

    [Fact]
    public async Task AChangeOfTimeZoneRecountsTheDaysOnTheNextRead()
    {
        using var factory = new TpmPrepFactory();
        // Half past eleven at night in UTC is the next morning in Tokyo.
        var lateTonight = new DateTimeOffset(factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(23).AddMinutes(30), TimeSpan.Zero);
        var dayInUtc = DateOnly.FromDateTime(lateTonight.UtcDateTime);
        factory.Clock.SetUtcNow(lateTonight);
        var (viewer, questions) = await CandidateAsync(factory, "traveller@example.com");
        await BuildAsync(factory, viewer.UserId);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttemptService>().CreateAsync(viewer, viewer.UserId, questions[0], "Late at night.", 60, CancellationToken.None);
        }

        Assert.Equal([dayInUtc], (await ReadAsync(factory, viewer.UserId)).Days.Select(d => d.Day));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Users.Where(u => u.Id == viewer.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "Asia/Tokyo"));
        }

        await BuildAsync(factory, viewer.UserId);
        Assert.Equal([dayInUtc.AddDays(1)], (await ReadAsync(factory, viewer.UserId)).Days.Select(d => d.Day));
    }

    private static async Task<(Viewer Viewer, IReadOnlyList<Question> Questions)> CandidateAsync(TpmPrepFactory factory, string email)
    {
        using var client = await AppClient.RegisteredAsync(factory, email);
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
        var questions = catalogue.Banks.Select(b => b.Questions[0]).Take(4).ToList();
        return (new Viewer(user!.Id, new HashSet<string>()), questions);
    }

    /// <summary>What the dashboard reads first: builds the roll-ups if they are missing or counted in another zone.</summary>
    private static async Task BuildAsync(TpmPrepFactory factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgressService>().GetAsync(new Viewer(userId, new HashSet<string>()), userId, CancellationToken.None);
    }

    private static async Task RebuildAsync(TpmPrepFactory factory, string userId, TimeZoneInfo zone)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgressRollups>().RebuildAsync(userId, zone, CancellationToken.None);
    }

    private static async Task<Snapshot> ReadAsync(TpmPrepFactory factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var days = await db.ProgressDays.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Day)
            .Select(d => new DayRow(d.Day, d.Attempts, d.Graded)).ToListAsync();
        var questions = await db.ProgressQuestions.AsNoTracking().Where(q => q.UserId == userId).OrderBy(q => q.QuestionId)
            .Select(q => new QuestionRow(q.QuestionId, q.BankId, q.Attempts)).ToListAsync();
        var months = (await db.ProgressSkillMonths.AsNoTracking().Where(m => m.UserId == userId).ToListAsync())
            .OrderBy(m => m.Month).ThenBy(m => m.SkillId, StringComparer.Ordinal)
            .Select(m => new SkillMonthRow(m.Month, m.SkillId, m.Graded, Math.Round(m.ScoreSum, 6))).ToList();
        return new Snapshot(days, questions, months);
    }

    private sealed record DayRow(DateOnly Day, int Attempts, int Graded);

    private sealed record QuestionRow(string QuestionId, string BankId, int Attempts);

    private sealed record SkillMonthRow(DateOnly Month, string SkillId, int Graded, double ScoreSum);

    private sealed record Snapshot(IReadOnlyList<DayRow> Days, IReadOnlyList<QuestionRow> Questions, IReadOnlyList<SkillMonthRow> SkillMonths)
    {
        public bool Equals(Snapshot? other) =>
            other is not null && Days.SequenceEqual(other.Days) && Questions.SequenceEqual(other.Questions) && SkillMonths.SequenceEqual(other.SkillMonths);

        public override int GetHashCode() => Days.Count;
    }
}
