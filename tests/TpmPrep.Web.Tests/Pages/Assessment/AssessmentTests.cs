using System.Net;
using System.Text.RegularExpressions;
using TpmPrep.Content.Model;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Assessment;

public sealed partial class SelfAssessmentIsSavedResumedScoredAndPrivate
{
    [Fact]
    public async Task RatingsAreSavedPerSectionAndTheAssessmentResumesWhereItWasLeft()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var id = await StartAsync(candidate, "senior-tpm");

        await RateSectionAsync(candidate, catalogue, id, 1, "4", go: "next");
        var second = catalogue.Skills[1];
        var half = second.Indicators.Take(3).ToDictionary(i => i.Id, _ => "n");
        Assert.Equal(HttpStatusCode.Redirect, (await PostSectionAsync(candidate, id, 2, half, "save")).StatusCode);

        var landing = await candidate.GetHtmlAsync("/assessment");
        var rated = catalogue.Skills[0].Indicators.Count + 3;
        Assert.Contains($"{rated} of {catalogue.Skills.Sum(s => s.Indicators.Count)} statements rated", landing, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessment/{id}/take/2\"", landing, StringComparison.Ordinal);

        var page = await candidate.GetHtmlAsync($"/assessment/{id}/take/2");
        Assert.Contains($"id=\"{second.Indicators[0].Id}-n\" name=\"Ratings[{second.Indicators[0].Id}]\" value=\"n\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"Ratings[{second.Indicators[3].Id}]\" value=\"n\" checked", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishingComputesScoresReadinessAndRecommendations()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var id = await StartAsync(candidate, "senior-tpm");

        // 4 everywhere (75) except business knowledge, rated 2 (25): a gap against every level.
        for (var section = 1; section <= catalogue.Skills.Count; section++)
        {
            var rating = catalogue.Skills[section - 1].Id == "business-knowledge" ? "2" : "4";
            var last = section == catalogue.Skills.Count;
            var response = await RateSectionAsync(candidate, catalogue, id, section, rating, go: last ? "finish" : "next");
            if (last)
            {
                Assert.Equal($"/assessment/{id}", response.Headers.Location!.OriginalString);
            }
        }

        var results = await candidate.GetHtmlAsync($"/assessment/{id}");
        Assert.Contains("<svg class=\"chart radar\"", results, StringComparison.Ordinal);
        Assert.Contains("far from TPM", results, StringComparison.Ordinal);
        var targets = catalogue.FindLevel("senior-tpm")!.Targets;
        Assert.Matches($@"Business knowledge</th>\s*<td>25</td>\s*<td>{targets["business-knowledge"]}</td>\s*<td><span class=""label-gap"">Gap</span> \({targets["business-knowledge"] - 25} below\)", results);
        Assert.Matches($@"Communication</th>\s*<td>75</td>\s*<td>{targets["communication"]}</td>\s*<td><span class=""label-met"">Met</span>", results);
        var recommended = RecommendedLinks().Matches(results[results.IndexOf("What to practise next", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, recommended.Count);
        Assert.All(recommended, q => Assert.Equal("business-knowledge", catalogue.FindQuestion(q)!.PrimarySkill));
        Assert.All(recommended, q => Assert.NotEqual("principal-tpm", catalogue.FindQuestion(q)!.LevelId));
        Assert.Contains("Not enough practice yet", results, StringComparison.Ordinal);

        // Finished assessments are read-only: the take page sends you to the results.
        var take = await candidate.Http.GetAsync($"/assessment/{id}/take/1");
        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
    }

    [Fact]
    public async Task RecommendationsPutQuestionsNotYetAttemptedFirst()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var first = await CompleteAsync(candidate, catalogue, "tpm", _ => "1");
        var firstPick = RecommendedLinks().Matches(await candidate.GetHtmlAsync($"/assessment/{first}")).First().Groups[1].Value;

        await candidate.AnswerAsync(firstPick);
        var second = await CompleteAsync(candidate, catalogue, "tpm", _ => "1");

        var html = await candidate.GetHtmlAsync($"/assessment/{second}");
        var picks = RecommendedLinks().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.DoesNotContain(firstPick, picks.Take(3));
    }

    [Fact]
    public async Task ComparesWithThePreviousAssessmentAndDrawsATrend()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        await CompleteAsync(candidate, catalogue, "tpm", _ => "2");
        var second = await CompleteAsync(candidate, catalogue, "tpm", skill => skill == "leadership" ? "1" : "4");

        var results = await candidate.GetHtmlAsync($"/assessment/{second}");
        Assert.Contains("▲ up 50", results, StringComparison.Ordinal);
        Assert.Contains("▼ down 25", results, StringComparison.Ordinal);

        var landing = await candidate.GetHtmlAsync("/assessment");
        Assert.Contains("<svg class=\"chart trend\"", landing, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(landing, "href=\"/assessment/\\d+\">"));
    }

    [Fact]
    public async Task FinishingWithUnratedStatementsListsWhatIsMissingAndKeepsEverything()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var id = await StartAsync(candidate, "tpm");
        await RateSectionAsync(candidate, catalogue, id, 1, "3", go: "next");

        var response = await RateSectionAsync(candidate, catalogue, id, catalogue.Skills.Count, "3", go: "finish");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Rate every statement before finishing", html, StringComparison.Ordinal);
        Assert.Contains($"{catalogue.Skills[1].Title}: {catalogue.Skills[1].Indicators.Count} statements still to rate.", html, StringComparison.Ordinal);
        var landing = await candidate.GetHtmlAsync("/assessment");
        Assert.Contains($"{catalogue.Skills[0].Indicators.Count + catalogue.Skills[^1].Indicators.Count} of", landing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagsAnAreaRatedFarAboveThePracticeAnswers()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        foreach (var question in catalogue.Questions.Where(q => q.PrimarySkill == "risk-management").Take(3))
        {
            var attempt = await candidate.AnswerAsync(question.Id);
            var scores = Enumerable.Range(0, question.Rubric.Count).ToDictionary(i => $"Input.Scores[{i}]", _ => "1");
            Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/attempts/{attempt}/grade", scores)).StatusCode);
        }

        var id = await CompleteAsync(candidate, catalogue, "tpm", _ => "5");

        var html = await candidate.GetHtmlAsync($"/assessment/{id}");
        Assert.Matches(@"Risk management</th>\s*<td>100</td>\s*<td>0 \(3 questions\)</td>\s*<td>You rate yourself higher than your answers show</td>", html);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task ARatingOutsideTheScaleIsRefusedAndNothingIsOverwritten(string bad)
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var id = await StartAsync(candidate, "tpm");
        await RateSectionAsync(candidate, catalogue, id, 1, "3", go: "save");
        var indicators = catalogue.Skills[0].Indicators;

        var ratings = indicators.ToDictionary(i => i.Id, _ => "5");
        ratings[indicators[1].Id] = bad;
        var response = await PostSectionAsync(candidate, id, 1, ratings, "next");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("choose a level from 1 to 5 or &quot;Not yet observed&quot;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await candidate.GetHtmlAsync($"/assessment/{id}/take/1");
        Assert.Contains($"name=\"Ratings[{indicators[0].Id}]\" value=\"3\" checked=\"checked\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedIndicatorIdIsRefused()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var id = await StartAsync(candidate, "tpm");

        var response = await PostSectionAsync(candidate, id, 1, new() { ["not-an-indicator"] = "3" }, "next");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is no indicator &#x27;not-an-indicator&#x27;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>With nothing chosen, model binding used to take every form field for a rating: "There is no indicator 'go'".</summary>
    [Fact]
    public async Task ASectionPostedWithNothingChosenMovesOnWithoutErrors()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var id = await StartAsync(candidate, "tpm");

        var response = await PostSectionAsync(candidate, id, 1, [], "next");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/assessment/{id}/take/2", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var finish = await PostSectionAsync(candidate, id, 1, [], "finish");
        var html = await finish.Content.ReadAsStringAsync();
        Assert.DoesNotContain("There is no indicator", html, StringComparison.Ordinal);
        Assert.Contains("Rate every statement before finishing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutosaveStoresOneChoiceAndRefusesBadOnes()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var id = await StartAsync(candidate, "tpm");
        var indicator = catalogue.Skills[0].Indicators[0].Id;

        var ok = await candidate.PostFormAsync($"/assessment/{id}/take/1", new() { ["indicator"] = indicator, ["rating"] = "5" }, action: $"/assessment/{id}/take/1?handler=Rate");
        var bad = await candidate.PostFormAsync($"/assessment/{id}/take/1", new() { ["indicator"] = indicator, ["rating"] = "9" }, action: $"/assessment/{id}/take/1?handler=Rate");
        var forged = await candidate.PostFormAsync($"/assessment/{id}/take/1", new() { ["indicator"] = "nope", ["rating"] = "2" }, action: $"/assessment/{id}/take/1?handler=Rate");

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains($"name=\"Ratings[{indicator}]\" value=\"5\" checked=\"checked\"", await candidate.GetHtmlAsync($"/assessment/{id}/take/1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyElseCanSeeOrChangeAnAssessment()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory);
        using var other = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var unfinished = await StartAsync(owner, "tpm");
        var indicator = catalogue.Skills[0].Indicators[0].Id;

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/assessment/{unfinished}/take/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/assessment/{unfinished}")).StatusCode);
        var forged = await other.PostFormAsync("/assessment", new() { [$"Ratings[{indicator}]"] = "1", ["go"] = "save" }, action: $"/assessment/{unfinished}/take/1");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var forgedAutosave = await other.PostFormAsync("/assessment", new() { ["indicator"] = indicator, ["rating"] = "1" }, action: $"/assessment/{unfinished}/take/1?handler=Rate");
        Assert.Equal(HttpStatusCode.NotFound, forgedAutosave.StatusCode);

        Assert.DoesNotContain($"name=\"Ratings[{indicator}]\" value=\"1\" checked", await owner.GetHtmlAsync($"/assessment/{unfinished}/take/1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assessment/999999")]
    [InlineData("/assessment/999999/take/1")]
    [InlineData("/assessment/1/take/0")]
    [InlineData("/assessment/1/take/99")]
    public async Task UnknownAssessmentsAndSectionsAreNotFound(string url)
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        await StartAsync(candidate, "tpm");

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task OldResultsStayReadableAfterTheSkillModelChanges()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = Catalogue(factory);
        var id = await CompleteAsync(candidate, catalogue, "tpm", _ => "4");
        var before = await candidate.GetHtmlAsync($"/assessment/{id}");
        var statement = catalogue.Skills[0].Indicators[0].Statement;

        var file = Path.Combine(factory.ContentPath, "skills", "areas", catalogue.Skills[0].Id + ".md");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("title: " + catalogue.Skills[0].Title, "title: Renamed area", StringComparison.Ordinal));
        var levelFile = Path.Combine(factory.ContentPath, "skills", "levels", "tpm.md");
        await File.WriteAllTextAsync(levelFile, (await File.ReadAllTextAsync(levelFile)).Replace("communication: 50", "communication: 99", StringComparison.Ordinal));
        factory.Services.GetRequiredService<CatalogueProvider>().Reload();
        Assert.Equal("Renamed area", Catalogue(factory).Skills[0].Title);

        var after = await candidate.GetHtmlAsync($"/assessment/{id}");
        Assert.Contains(catalogue.Skills[0].Title + "</th>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed area", after, StringComparison.Ordinal);
        Assert.Matches(@"Communication</th>\s*<td>75</td>\s*<td>50</td>", after);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(statement), before, StringComparison.Ordinal);
    }

    private static ContentCatalogue Catalogue(TpmPrepFactory factory) => factory.Services.GetRequiredService<CatalogueProvider>().Current;

    private static async Task<int> StartAsync(AppClient client, string level)
    {
        var response = await client.PostFormAsync("/assessment", new() { ["LevelId"] = level });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(TakeLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task<int> CompleteAsync(AppClient client, ContentCatalogue catalogue, string level, Func<string, string> ratingForSkill)
    {
        var id = await StartAsync(client, level);
        for (var section = 1; section <= catalogue.Skills.Count; section++)
        {
            var last = section == catalogue.Skills.Count;
            var response = await RateSectionAsync(client, catalogue, id, section, ratingForSkill(catalogue.Skills[section - 1].Id), last ? "finish" : "next");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return id;
    }

    private static Task<HttpResponseMessage> RateSectionAsync(AppClient client, ContentCatalogue catalogue, int id, int section, string rating, string go) =>
        PostSectionAsync(client, id, section, catalogue.Skills[section - 1].Indicators.ToDictionary(i => i.Id, _ => rating), go);

    private static Task<HttpResponseMessage> PostSectionAsync(AppClient client, int id, int section, Dictionary<string, string> ratings, string go)
    {
        var fields = ratings.ToDictionary(r => $"Ratings[{r.Key}]", r => r.Value);
        fields["go"] = go;
        return client.PostFormAsync("/assessment", fields, action: $"/assessment/{id}/take/{section}");
    }

    [GeneratedRegex(@"^/assessment/(\d+)/take/\d+$")]
    private static partial Regex TakeLocation();

    [GeneratedRegex("<li><a href=\"/questions/([a-z0-9-]+)\">")]
    private static partial Regex RecommendedLinks();
}
