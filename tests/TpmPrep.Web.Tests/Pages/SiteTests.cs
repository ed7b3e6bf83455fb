using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages;

public sealed class SiteAnswersWithoutAnAccount(SharedFactory fixture) : IClassFixture<SharedFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/banks")]
    [InlineData("/banks/system-design")]
    [InlineData("/banks/system-design?skill=technical&level=senior-tpm&kind=system-design")]
    [InlineData("/questions/sd-fleet-update-10000-servers")]
    [InlineData("/content-status")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task PublicPagesAnswer(string url)
    {
        using var client = new AppClient(fixture);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<main id=\"main\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryShippedBankAndQuestionPageAnswers()
    {
        using var client = new AppClient(fixture);
        var catalogue = fixture.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current;

        foreach (var bank in catalogue.Banks)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/banks/{bank.Id}")).StatusCode);
        }

        foreach (var question in catalogue.Questions)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/questions/{question.Id}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/banks/no-such-bank")]
    [InlineData("/questions/no-such-question")]
    [InlineData("/questions/..%2F..%2Fetc%2Fpasswd")]
    public async Task UnknownIdsAreNotFound(string url)
    {
        using var client = new AppClient(fixture);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BankPageFiltersBySkillLevelAndKind()
    {
        using var client = new AppClient(fixture);
        var bank = fixture.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current.FindBank("system-design")!;
        var expected = bank.Questions.Where(q => q.Skills.Contains("technical") && q.LevelId == "senior-tpm").ToList();

        var html = await client.GetHtmlAsync("/banks/system-design?skill=technical&level=senior-tpm");

        Assert.Contains($"Showing {expected.Count} of", html, StringComparison.Ordinal);
        foreach (var question in bank.Questions)
        {
            Assert.Equal(expected.Contains(question), html.Contains($"href=\"/questions/{question.Id}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task QuestionPageAsksAnonymousVisitorsToLogInToPractise()
    {
        using var client = new AppClient(fixture);

        var html = await client.GetHtmlAsync("/questions/sd-fleet-update-10000-servers");

        Assert.Contains("Log in to practise", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/attempts")]
    [InlineData("/attempts/1")]
    [InlineData("/attempts/1/grade")]
    [InlineData("/admin/users")]
    public async Task PrivatePagesSendAnonymousVisitorsToLogIn(string url)
    {
        using var client = new AppClient(fixture);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthIsOkWhenDatabaseAndCatalogueAreUsable()
    {
        using var client = new AppClient(fixture);

        var response = await client.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(fixture.Database.Provider == TpmPrep.Web.Data.DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite", json.RootElement.GetProperty("database").GetString());
        Assert.Equal(fixture.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current.QuestionCount, json.RootElement.GetProperty("questions").GetInt32());
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/banks")]
    [InlineData("PUT", "/account/login")]
    [InlineData("DELETE", "/attempts/1")]
    [InlineData("PATCH", "/")]
    [InlineData("OPTIONS", "/")]
    public async Task MethodsOtherThanGetHeadAndPostAreRefused(string method, string url)
    {
        using var client = new AppClient(fixture);

        var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeaders()
    {
        using var client = new AppClient(fixture);

        var response = await client.Http.GetAsync("/");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

/// <summary>One app for a test class that does not change content or rely on a fresh database.</summary>
public sealed class SharedFactory : TpmPrepFactory;
