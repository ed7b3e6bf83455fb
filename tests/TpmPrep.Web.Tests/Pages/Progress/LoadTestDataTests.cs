using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Progress;

public sealed class LoadTestAccountsCarryTheHistoryTheyAreNamedFor
{
    private const string Password = "bench-password-2026";

    [Fact]
    public async Task SeedLoadTestCreatesCandidatesWithGradedYearsAndWritersOnce()
    {
        using var factory = new TpmPrepFactory();
        var questionsFile = Path.Combine(factory.Root, "questions.tsv");
        using var output = new StringWriter();
        string[] args = ["--sizes", "0,3,200", "--writers", "2", "--password", Password, "--questions", questionsFile];

        var first = await SeedLoadTestCommand.RunAsync(factory.Services, args, output, TextWriter.Null);
        var second = await SeedLoadTestCommand.RunAsync(factory.Services, args, output, TextWriter.Null);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("load-200@tpmprep.local: created with 200 attempts", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("writer-2@tpmprep.local already exists; nothing changed.", output.ToString(), StringComparison.Ordinal);
        var catalogue = factory.Services.GetRequiredService<CatalogueProvider>().Current;
        var questions = catalogue.Questions.OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var counts = await db.Users.OrderBy(u => u.Email)
                .Select(u => new { u.Email, Attempts = db.Attempts.Count(a => a.UserId == u.Id), Schedules = db.ReviewSchedules.Count(r => r.UserId == u.Id) })
                .ToListAsync();
            Assert.Equal(
                ["load-0@tpmprep.local 0 0", "load-200@tpmprep.local 200 " + Math.Min(200, questions.Count), "load-3@tpmprep.local 3 3", "writer-1@tpmprep.local 0 0", "writer-2@tpmprep.local 0 0"],
                counts.Select(c => $"{c.Email} {c.Attempts} {c.Schedules}"));

            var history = await db.Attempts.Include(a => a.Scores).Where(a => a.UserId == db.Users.Single(u => u.Email == "load-200@tpmprep.local").Id)
                .OrderBy(a => a.CreatedUtc).ToListAsync();
            // Questions in id order, round and round; each attempt graded on its own rubric; a year, up to minutes ago.
            Assert.Equal(Enumerable.Range(0, 200).Select(i => questions[i % questions.Count].Id), history.Select(a => a.QuestionId));
            Assert.All(history, a =>
            {
                var question = catalogue.FindQuestion(a.QuestionId)!;
                Assert.Equal((question.BankId, question.PrimarySkill), (a.BankId, a.SkillId));
                Assert.Equal(question.Rubric.Select(c => c.Title), a.Scores.OrderBy(s => s.CriterionIndex).Select(s => s.Criterion));
                Assert.All(a.Scores, s => Assert.InRange(s.Score, 1, question.RubricLevels));
                Assert.InRange(a.AverageScore!.Value, 1, 4);
                Assert.True(a.GradedUtc > a.CreatedUtc && a.GradedUtc <= now, $"attempt {a.Id} graded {a.GradedUtc:O}");
            });
            Assert.InRange(history[0].CreatedUtc, now.AddDays(-365), now.AddDays(-363));
            Assert.InRange(history[^1].CreatedUtc, now.AddHours(-1), now);
        }

        var listed = await File.ReadAllLinesAsync(questionsFile);
        Assert.Equal(questions.Select(q => $"{q.Id}\t{q.Rubric.Count}\t{q.RubricLevels}"), listed);

        using var candidate = new AppClient(factory);
        var login = await candidate.PostFormAsync("/account/login", new() { ["Input.Email"] = "load-200@tpmprep.local", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("<strong>200 attempts</strong>", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);

        using var writer = new AppClient(factory);
        var writerLogin = await writer.PostFormAsync("/account/login", new() { ["Input.Email"] = "writer-1@tpmprep.local", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, writerLogin.StatusCode);
        Assert.Equal(0, await writer.AttemptCountAsync());
    }

    [Theory]
    [InlineData("--sizes", "5,5")]
    [InlineData("--sizes", "-1")]
    [InlineData("--sizes", "")]
    [InlineData("--writers", "many")]
    [InlineData("--password", "short")]
    [InlineData("--colour", "blue")]
    [InlineData("--sizes")]
    public async Task BadArgumentsAreRefusedAndCreateNothing(params string[] args)
    {
        using var factory = new TpmPrepFactory();
        using var error = new StringWriter();

        var exit = await SeedLoadTestCommand.RunAsync(factory.Services, args, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.NotEmpty(error.ToString());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync());
    }
}
