using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Kits;

/// <summary>The interview loops shipped with the content: a hiring manager copies one kit, or starts a whole plan from a loop.</summary>
public sealed partial class ReadyMadeLoopTests
{
    [Fact]
    public async Task EveryShippedKitCopiesIntoAKitThatExportsInTheKitFormatAndImportsBack()
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");
        var catalogue = factory.Services.GetRequiredService<CatalogueProvider>().Current;
        Assert.Equal(["tpm", "senior-tpm", "principal-tpm"], catalogue.Loops.Select(l => l.LevelId));

        foreach (var loop in catalogue.Loops)
        {
            foreach (var ready in loop.Kits)
            {
                var copied = await manager.PostFieldsAsync($"/kits/ready-made/{loop.Id}/{ready.Id}", [], $"/kits/ready-made/{loop.Id}/{ready.Id}?handler=Copy");
                Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
                var kitId = int.Parse(KitLocation().Match(copied.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains($"Copied from the {loop.Title}", WebUtility.HtmlDecode(await manager.GetHtmlAsync(copied.Headers.Location.OriginalString)), StringComparison.Ordinal);

                var zip = await (await manager.Http.GetAsync($"/kits/{kitId}?handler=Export")).Content.ReadAsByteArrayAsync();
                var (files, error) = KitFormat.Unzip(new MemoryStream(zip));
                Assert.Null(error);
                var loaded = KitPortability.Check(files);
                Assert.Empty(loaded.Errors.Select(e => e.ToString()));
                var bank = Assert.Single(loaded.Banks);
                Assert.Equal(ready.Title, bank.Title);
                Assert.Equal(ready.LevelId, bank.LevelId);
                Assert.Equal(ready.Focus, bank.Skills);
                Assert.Equal(ready.QuestionIds, bank.Questions.Select(q => q.Id));
            }
        }

        // Every copy is an ordinary kit of the manager's, listed on their kits page.
        var kitsPage = WebUtility.HtmlDecode(await manager.GetHtmlAsync("/kits"));
        Assert.Contains($"{catalogue.Loops.Sum(l => l.Kits.Count)} kits", kitsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHiringManagerStartsAPlanFromALoopWithOneInterviewAndKitEach()
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");
        var loop = factory.Services.GetRequiredService<CatalogueProvider>().Current.FindLoop("senior-tpm-loop")!;

        var page = WebUtility.HtmlDecode(await manager.GetHtmlAsync("/kits/ready-made"));
        Assert.Contains(loop.Title, page, StringComparison.Ordinal);
        Assert.All(loop.Kits, k => Assert.Contains(k.Title, page, StringComparison.Ordinal));
        Assert.Contains("Start from a ready-made loop", await manager.GetHtmlAsync("/kits"), StringComparison.Ordinal);

        var started = await manager.PostFieldsAsync("/kits/ready-made", [new("Opening", "Senior TPM, payments")], "/kits/ready-made?handler=StartPlan&loopId=senior-tpm-loop");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var plan = WebUtility.HtmlDecode(await manager.GetHtmlAsync(started.Headers.Location!.OriginalString));
        Assert.Contains("Senior TPM, payments", plan, StringComparison.Ordinal);
        Assert.Contains($"Plan started from the {loop.Title}: {loop.Kits.Count} interviews", plan, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var interviews = await db.PlanInterviews.AsNoTracking().OrderBy(i => i.Position).Select(i => new { i.Title, i.KitId }).ToListAsync();
        Assert.Equal(loop.Kits.Select(k => k.Title), interviews.Select(i => i.Title));
        foreach (var (interview, ready) in interviews.Zip(loop.Kits))
        {
            var items = await db.QuestionSetItems.AsNoTracking().Where(i => i.SetId == interview.KitId).OrderBy(i => i.Position).Select(i => i.QuestionId).ToListAsync();
            Assert.Equal(ready.QuestionIds, items);
            var set = await db.QuestionSets.AsNoTracking().SingleAsync(s => s.Id == interview.KitId);
            Assert.Equal(ready.InstructionsMarkdown, set.Instructions);
            Assert.Equal(ready.LevelId, set.LevelId);
        }

        Assert.All(interviews, i => Assert.Contains(i.Title, plan, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Give it a title.")]
    [InlineData("x", null)]
    public async Task ABadOpeningIsSaidBesideItsFieldAndNothingIsSaved(string opening, string? message)
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");
        var typed = opening == "x" ? new string('x', 121) : opening;
        message ??= "A title is 120 characters at most.";

        var refused = await manager.PostFieldsAsync("/kits/ready-made", [new("Opening", typed)], "/kits/ready-made?handler=StartPlan&loopId=tpm-loop");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches($"id=\"opening-tpm-loop-error\" class=\"field-error\">{Regex.Escape(message)}<", html);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.InterviewPlans.CountAsync());
        Assert.Equal(0, await db.QuestionSets.CountAsync());
    }

    [Fact]
    public async Task UnknownLoopsAndKitsAre404AndOnlyKitBuildersMayUseThem()
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        using var candidate = await AppClient.RegisteredAsync(factory, "candidate@example.com");
        var loop = factory.Services.GetRequiredService<CatalogueProvider>().Current.Loops[0];
        var kit = loop.Kits[0];

        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/kits/ready-made/{loop.Id}/no-such-kit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/kits/ready-made/no-such-loop/{kit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/kits/ready-made/{loop.Kits[0].LoopId}/{loop.Kits[0].Id}x")).StatusCode);
        var forgedKit = await manager.PostFieldsAsync($"/kits/ready-made/{loop.Id}/{kit.Id}", [], $"/kits/ready-made/{loop.Id}/no-such-kit?handler=Copy");
        Assert.Equal(HttpStatusCode.NotFound, forgedKit.StatusCode);
        var forgedLoop = await manager.PostFieldsAsync("/kits/ready-made", [new("Opening", "Any")], "/kits/ready-made?handler=StartPlan&loopId=no-such-loop");
        Assert.Equal(HttpStatusCode.NotFound, forgedLoop.StatusCode);

        // A candidate is sent to "access denied"; a coach may read and copy kits but runs no plans.
        var denied = await candidate.Http.GetAsync("/kits/ready-made");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var coachPage = await coach.GetHtmlAsync("/kits/ready-made");
        Assert.Contains(loop.Title, WebUtility.HtmlDecode(coachPage), StringComparison.Ordinal);
        Assert.DoesNotContain("Start a plan from this loop", coachPage, StringComparison.Ordinal);
        var coachPlan = await coach.PostFieldsAsync("/kits/ready-made", [new("Opening", "Cohort")], $"/kits/ready-made?handler=StartPlan&loopId={loop.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, coachPlan.StatusCode);
        Assert.Contains("Only a hiring manager runs interview plans", WebUtility.HtmlDecode(await coachPlan.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var coachCopy = await coach.PostFieldsAsync($"/kits/ready-made/{loop.Id}/{kit.Id}", [], $"/kits/ready-made/{loop.Id}/{kit.Id}?handler=Copy");
        Assert.Equal(HttpStatusCode.Redirect, coachCopy.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.InterviewPlans.CountAsync());
        Assert.Equal(1, await db.QuestionSets.CountAsync());
    }

    [GeneratedRegex(@"^/kits/(\d+)")]
    private static partial Regex KitLocation();
}
