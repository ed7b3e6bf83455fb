using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.Infrastructure;
using Xunit;

namespace TpmPrep.Web.Tests.Pages;

/// <summary>
/// The library's pages are rendered once per catalogue for anonymous visitors and then served from memory (the
/// output cache marks such a response with an Age header); a reload shows the new content at once, and a signed-in
/// visitor always gets their own page.
/// </summary>
public sealed class ContentPagesAreCached
{
    [Theory]
    [InlineData("/")]
    [InlineData("/banks")]
    [InlineData("/banks/agile-delivery")]
    [InlineData("/banks/agile-delivery?skill=leadership")]
    [InlineData("/questions/agile-cross-team-dependencies")]
    public async Task AnAnonymousVisitorsSecondRequestComesFromMemory(string url)
    {
        using var factory = new TpmPrepFactory();
        using var client = factory.CreateClient();
        var first = await client.GetAsync(url);
        var second = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), $"{url} was rendered again");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AReloadShowsTheNewContentAtOnce()
    {
        using var factory = new TpmPrepFactory();
        using var client = factory.CreateClient();
        Assert.Contains("Agile and delivery", await client.GetStringAsync("/banks/agile-delivery"), StringComparison.Ordinal);
        Assert.True((await client.GetAsync("/banks/agile-delivery")).Headers.Contains("Age"));

        var file = Path.Combine(factory.ContentPath, "banks", "agile-delivery", "_bank.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title: Agile and delivery", "title: Iterative delivery", StringComparison.Ordinal));
        factory.Services.GetRequiredService<CatalogueProvider>().Reload();

        var after = await client.GetAsync("/banks/agile-delivery");
        Assert.False(after.Headers.Contains("Age"));
        var html = await after.Content.ReadAsStringAsync();
        Assert.Contains("Iterative delivery", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Agile and delivery", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInVisitorIsNeverServedTheAnonymousPage()
    {
        using var factory = new TpmPrepFactory();
        using var anonymous = factory.CreateClient();
        await anonymous.GetAsync("/questions/agile-cross-team-dependencies");
        Assert.True((await anonymous.GetAsync("/questions/agile-cross-team-dependencies")).Headers.Contains("Age"));

        using var candidate = await AppClient.RegisteredAsync(factory);
        for (var i = 0; i < 2; i++)
        {
            var response = await candidate.Http.GetAsync("/questions/agile-cross-team-dependencies");
            Assert.False(response.Headers.Contains("Age"));
            Assert.Contains("Submit and grade", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
