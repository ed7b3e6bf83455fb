using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Tests.Infrastructure;
using Xunit;

namespace TpmPrep.Web.Tests.Pages;

/// <summary>Long lists come a page at a time, with a pager that leads through all of them and back.</summary>
public sealed class ListsArePaged
{
    [Fact]
    public async Task AttemptsComeTwentyFiveToAPageNewestFirst()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await WithHistoryAsync(factory, "pages@example.com", attempts: 60);

        var first = Html.Parse(await candidate.GetHtmlAsync("/attempts"));
        Assert.Contains("60 attempts, newest first; 1 to 25 shown.", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Null(Pager(first).QuerySelector("a[rel=prev]"));
        Assert.Equal("/attempts?p=2", Pager(first).QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var last = Html.Parse(await candidate.GetHtmlAsync("/attempts?p=3"));
        Assert.Equal(10, last.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Page 3 of 3", Pager(last).TextContent, StringComparison.Ordinal);
        Assert.Null(Pager(last).QuerySelector("a[rel=next]"));

        // Every attempt is on exactly one page.
        var links = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            links.AddRange(Html.Parse(await candidate.GetHtmlAsync($"/attempts?p={p}")).QuerySelectorAll("tbody tr td:first-child a").Select(a => a.GetAttribute("href")!));
        }

        Assert.Equal(60, links.Distinct(StringComparer.Ordinal).Count());

        var beyond = await candidate.Http.GetAsync("/attempts?p=99");
        Assert.Equal(HttpStatusCode.Redirect, beyond.StatusCode);
        Assert.Equal("/attempts?p=3", beyond.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync("/attempts?p=-5")).StatusCode);
    }

    [Fact]
    public async Task TheReviewQueueIsPagedAndHasOneFormForAllItsButtons()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await WithHistoryAsync(factory, "queue@example.com", attempts: 400);

        var page = Html.Parse(await candidate.GetHtmlAsync("/review"));
        var items = page.QuerySelectorAll(".due-list li");
        Assert.Equal(25, items.Length);
        Assert.Single(page.QuerySelectorAll("form.due-list"));
        // Log out, start a session, and the list: three forms however many items are due.
        Assert.Equal(3, page.QuerySelectorAll("input[name=__RequestVerificationToken]").Length);
        Assert.NotNull(Pager(page).QuerySelector("a[rel=next]"));

        // A snooze button posts its own question and days, and the question leaves the queue.
        var snooze = items[0].QuerySelector("button[formaction*='handler=Snooze']")!;
        var questionLink = items[0].QuerySelector("a")!.GetAttribute("href")!;
        var response = await candidate.PostFormAsync("/review", [], WebUtility.HtmlDecode(snooze.GetAttribute("formaction")!));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = Html.Parse(await candidate.GetHtmlAsync("/review"));
        Assert.DoesNotContain(after.QuerySelectorAll(".due-list li a"), a => a.GetAttribute("href") == questionLink);
    }

    private static IElement Pager(IDocument page) => page.QuerySelector("nav.pager")!;

    private static async Task<AppClient> WithHistoryAsync(TpmPrepFactory factory, string email, int attempts)
    {
        var client = await AppClient.RegisteredAsync(factory, email);
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
        await scope.ServiceProvider.GetRequiredService<DemoData>().AddHistoryAsync(user!.Id, catalogue, days: 120, attemptCount: attempts, seed: 3, CancellationToken.None);
        return client;
    }
}
