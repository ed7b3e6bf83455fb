using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Portability;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Access;

/// <summary>
/// Every page and handler the app serves, found from its own endpoint list, asked by people who have no grant to the
/// owner's records: a stranger holding every role one can register with, and an administrator. None of them may see
/// the owner's records or change them, and a page named by one of the owner's ids answers 404. A page added without
/// its check fails here without anyone listing it.
/// </summary>
public sealed partial class StrangersAreRefusedEverywhere
{
    private const string Secret = "OWNERSECRET";

    [Fact]
    public async Task NoPageOrHandlerShowsOrChangesAnotherPersonsRecords()
    {
        using var factory = new TpmPrepFactory();
        var owner = await OwnerWithOneOfEverythingAsync(factory);
        var before = await ExportOfAsync(factory, owner.UserId);
        Assert.Contains(Secret, before, StringComparison.Ordinal);

        using var stranger = await RegisterWithRolesAsync(factory, "stranger@example.com", AppRoles.Selectable);
        using var administrator = await RegisterWithRolesAsync(factory, "administrator@example.com", [AppRoles.Candidate]);
        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, ["administrator@example.com"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(HttpStatusCode.Redirect, (await administrator.PostFormAsync("/account/login", new() { ["Input.Email"] = "administrator@example.com", ["Input.Password"] = AppClient.Password })).StatusCode);
        using var anonymous = new AppClient(factory);
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var endpoints = await EndpointsAsync(factory);
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found: the enumeration is broken");
        Assert.Contains(endpoints, e => e.Pattern == "attempts/{id:int}" && e.Method == "GET");
        Assert.Contains(endpoints, e => e.Pattern == "attempts/{id:int}/grade" && e.Method == "POST");

        var failures = new List<string>();
        var requests = 0;
        // Each request carries the caller's sign-in cookie as it was, so that log-out (among the endpoints) does not end the run.
        foreach (var (who, cookie) in new[] { ("stranger", stranger.AuthCookieHeader), ("administrator", administrator.AuthCookieHeader), ("anonymous", null) })
        {
            foreach (var endpoint in endpoints)
            {
                foreach (var url in Urls(endpoint, owner).Distinct())
                {
                    requests++;
                    var response = await SendAsync(http, cookie, endpoint.Method, url, owner);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    if (body.Contains(Secret, StringComparison.Ordinal) || (response.Headers.Location?.OriginalString.Contains(Secret, StringComparison.Ordinal) ?? false))
                    {
                        failures.Add($"{who} {endpoint.Method} {url}: {status} shows the owner's record");
                    }

                    var refused = status is 404 or 400 or 403 or 405 or 429
                        || (status == 302 && response.Headers.Location?.OriginalString is { } to && (to.Contains("/account/login", StringComparison.Ordinal) || to.Contains("/account/access-denied", StringComparison.Ordinal)));
                    if (endpoint.NamesARecord && !refused)
                    {
                        failures.Add($"{who} {endpoint.Method} {url}: {status}{(response.Headers.Location is { } location ? " to " + location : "")} where a refusal (404) was due");
                    }

                    if (who == "anonymous" && endpoint.NeedsSignIn && !refused)
                    {
                        failures.Add($"anonymous {endpoint.Method} {url}: {status} instead of the log-in page");
                    }
                }
            }
        }

        // The owner's list and spoken answer by their own ids (the ids above are the older records'; these are small
        // enough to be the callers' own sessions too, so they are asked for here, on their own routes).
        foreach (var (who, cookie) in new[] { ("stranger", stranger.AuthCookieHeader), ("administrator", administrator.AuthCookieHeader), ("anonymous", null) })
        {
            foreach (var (method, url) in new[]
            {
                ("GET", $"/lists/{owner.ListId}"), ("POST", $"/lists/{owner.ListId}?handler=Rename"), ("POST", $"/lists/{owner.ListId}?handler=Remove"),
                ("POST", $"/lists/{owner.ListId}?handler=Start"), ("POST", $"/lists/{owner.ListId}?handler=Delete"), ("GET", $"/attempts/{owner.SpokenId}?handler=Recording"),
            })
            {
                requests++;
                var response = await SendAsync(http, cookie, method, url, owner);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var refused = status is 404 or 400 || (status == 302 && response.Headers.Location?.OriginalString is { } to && to.Contains("/account/login", StringComparison.Ordinal));
                if (!refused || body.Contains(Secret, StringComparison.Ordinal))
                {
                    failures.Add($"{who} {method} {url}: {status} where a refusal (404) was due");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests were not refused:\n" + string.Join("\n", failures.Take(40)));
        var after = await ExportOfAsync(factory, owner.UserId);
        Assert.Equal(before, after);

        // The same requests from the owner do reach the records: the check above is not passing on an empty app.
        Assert.Contains(Secret, await owner.Client.GetHtmlAsync($"/attempts/{owner.AttemptId}"), StringComparison.Ordinal);
        Assert.Contains(Secret, await owner.Client.GetHtmlAsync($"/questions/{owner.QuestionId}"), StringComparison.Ordinal);
        Assert.Contains(Secret, await owner.Client.GetHtmlAsync($"/kits/{owner.RecordIds[5]}/print"), StringComparison.Ordinal);
        Assert.Contains(Secret, await owner.Client.GetHtmlAsync($"/lists/{owner.ListId}"), StringComparison.Ordinal);
        Assert.Contains(Secret, await owner.Client.Http.GetStringAsync($"/attempts/{owner.SpokenId}?handler=Recording"), StringComparison.Ordinal);
        Assert.Contains(Secret, await owner.Client.GetHtmlAsync($"/scorecards/{owner.RecordIds[^1]}"), StringComparison.Ordinal);
        Assert.Contains(Secret, await owner.Client.GetHtmlAsync($"/debriefs/{owner.RecordIds[^2]}"), StringComparison.Ordinal);
        // The owner's coach still reaches what was shared, and the invitation nobody else could cancel is still open.
        var coaching = await owner.Client.GetHtmlAsync("/coaching");
        Assert.Contains("Coaches who can see your practice", coaching, StringComparison.Ordinal);
        Assert.Contains($"inviteId={owner.InviteId}", coaching, StringComparison.Ordinal);
        Assert.Contains("Sees summary, attempts and grades, self-assessments", coaching, StringComparison.Ordinal);
        owner.Client.Dispose();
    }

    /// <summary>The owner, signed in, with an answer, grades and notes, a draft, a session, an assessment, an import and a question written in the app, each carrying the secret.</summary>
    private static async Task<Owner> OwnerWithOneOfEverythingAsync(TpmPrepFactory factory)
    {
        var client = await RegisterWithRolesAsync(factory, "owner@example.com", [AppRoles.Candidate, AppRoles.HiringManager]);
        var written = await client.PostFormAsync("/my-questions/edit", new() { ["Input.Markdown"] = QuestionMarkdown($"Rescue story {Secret}") });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var questionId = WrittenQuestionLocation().Match(written.Headers.Location!.OriginalString).Groups[1].Value;
        var customId = int.Parse(questionId["my-".Length..], CultureInfo.InvariantCulture);

        var attemptId = await client.AnswerAsync(questionId, $"My answer {Secret}");
        var graded = await client.PostFormAsync($"/attempts/{attemptId}/grade", new() { ["Input.Scores[0]"] = "3", ["Input.Notes"] = $"Notes {Secret}" });
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        var bankQuestion = factory.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current.Questions.First();
        var draft = await client.PostFormAsync($"/questions/{bankQuestion.Id}", new() { ["text"] = $"Draft {Secret}" }, $"/questions/{bankQuestion.Id}?handler=Draft");
        Assert.Equal(HttpStatusCode.NoContent, draft.StatusCode);

        var session = await client.PostFormAsync("/practice", new() { ["Input.Count"] = "1", ["Input.Mode"] = "Practice" });
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        var sessionId = int.Parse(NumberAfter("/practice/").Match(session.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        var level = factory.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current.Levels[0].Id;
        var assessment = await client.PostFormAsync("/assessment", new() { ["LevelId"] = level });
        Assert.Equal(HttpStatusCode.Redirect, assessment.StatusCode);
        var assessmentId = int.Parse(NumberAfter("/assessment/").Match(assessment.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);

        var export = await client.Http.GetAsync("/account/data?handler=Json");
        var upload = new MultipartFormDataContent { { new ByteArrayContent(await export.Content.ReadAsByteArrayAsync()), "file", $"export-{Secret}.json" } };
        var page = await client.GetHtmlAsync("/account/data");
        upload.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken");
        var imported = await client.Http.PostAsync("/account/data?handler=Import", upload);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var importId = int.Parse(NumberAfter("/account/data/imports/").Match(imported.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);

        var kit = await client.PostFieldsAsync("/kits/new", [new("Input.Title", $"Loop {Secret}"), new("Input.Focus", "leadership"), new("Input.Instructions", $"Probe {Secret}")]);
        Assert.Equal(HttpStatusCode.Redirect, kit.StatusCode);
        var kitId = int.Parse(NumberAfter("/kits/").Match(kit.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/kits/{kitId}", new() { ["questionId"] = questionId }, $"/kits/{kitId}?handler=Add")).StatusCode);

        // A plan with the owner on its panel: an interview with the kit, a candidate, and the owner's scorecard.
        var plan = await client.PostFormAsync("/plans", new() { ["Title"] = $"Opening {Secret}" });
        var planId = int.Parse(NumberAfter("/plans/").Match(plan.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        await client.PostFormAsync($"/plans/{planId}", new() { ["title"] = $"Interview {Secret}", ["kitId"] = kitId.ToString(CultureInfo.InvariantCulture) }, $"/plans/{planId}?handler=AddInterview");
        var interviewId = NumberAfter("name=\"interviewId\" value=\"").Match(await client.GetHtmlAsync($"/plans/{planId}")).Groups[1].Value;
        await client.PostFormAsync($"/plans/{planId}", new() { ["interviewId"] = interviewId, ["email"] = "owner@example.com" }, $"/plans/{planId}?handler=AddInterviewer");
        await client.PostFormAsync($"/plans/{planId}", new() { ["name"] = $"Candidate {Secret}", ["notes"] = Secret }, $"/plans/{planId}?handler=AddCandidate");
        var candidateId = NumberAfter("name=\"candidateId\" value=\"").Match(await client.GetHtmlAsync($"/plans/{planId}")).Groups[1].Value;
        var opened = await client.PostFormAsync($"/plans/{planId}", new() { ["interviewId"] = interviewId, ["candidateId"] = candidateId }, $"/plans/{planId}?handler=Open");
        var cardId = int.Parse(NumberAfter("/scorecards/").Match(opened.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync($"/scorecards/{cardId}", [new($"Evidence[{questionId}]", $"Evidence {Secret}"), new("Version", "1")], $"/scorecards/{cardId}?handler=Save")).StatusCode);

        // A coach the owner invited, who sees everything: a stranger with the coach role must reach none of it through the link.
        using var coach = await RegisterWithRolesAsync(factory, "coach@example.com", [AppRoles.Coach]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync("/coaching", [new("scope", "1"), new("scope", "2"), new("scope", "4")], "/coaching?handler=Invite")).StatusCode);
        var code = InviteCode().Match(await client.GetHtmlAsync("/coaching")).Value;
        var joined = await coach.PostFormAsync($"/coach/join/{code}", new());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var linkId = int.Parse(NumberAfter("/coach/candidates/").Match(joined.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Contains(Secret, await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts/{attemptId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync("/coaching", [new("scope", "1")], "/coaching?handler=Invite")).StatusCode);
        var inviteId = int.Parse(NumberAfter("inviteId=").Match(await client.GetHtmlAsync("/coaching")).Groups[1].Value, CultureInfo.InvariantCulture);

        // A list and a bookmark, a quick review and a spoken answer, each carrying the secret.
        var list = await client.PostFormAsync("/lists", new() { ["Name"] = $"Weak {Secret}" });
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        var listId = int.Parse(NumberAfter("/lists/").Match(list.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        await client.PostFormAsync("/questions", new() { ["questionId"] = bankQuestion.Id, ["listId"] = listId.ToString(CultureInfo.InvariantCulture), ["returnUrl"] = "/lists" }, "/questions?handler=AddToList");
        await client.PostFormAsync("/questions", new() { ["questionId"] = bankQuestion.Id, ["on"] = "true", ["returnUrl"] = "/lists" }, "/questions?handler=Bookmark");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync($"/review/quick/{questionId}", [new("Outline", $"Outline {Secret}"), new("Covered", "0")], $"/review/quick/{questionId}?handler=Save")).StatusCode);
        var answerPage = await client.GetHtmlAsync($"/questions/{questionId}");
        var spoken = new MultipartFormDataContent
        {
            { new StringContent($"Spoken {Secret}"), "Input.Answer" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(answerPage).Groups[1].Value)), "__RequestVerificationToken" },
        };
        var audio = new ByteArrayContent(Encoding.UTF8.GetBytes($"OggS audio {Secret}"));
        audio.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/ogg");
        spoken.Add(audio, "Recording", "answer.ogg");
        var spokenAttempt = await client.Http.PostAsync($"/questions/{questionId}", spoken);
        Assert.Equal(HttpStatusCode.Redirect, spokenAttempt.StatusCode);
        var spokenId = int.Parse(NumberAfter("/attempts/").Match(spokenAttempt.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Contains(Secret, await client.Http.GetStringAsync($"/attempts/{spokenId}?handler=Recording"), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TpmPrep.Web.Data.AppUser>>();
        var userId = (await users.FindByEmailAsync("owner@example.com"))!.Id;
        return new Owner(client, userId, questionId, [attemptId, sessionId, assessmentId, importId, customId, kitId, planId, int.Parse(candidateId, CultureInfo.InvariantCulture), cardId]) { AttemptId = attemptId, LinkId = linkId, InviteId = inviteId, ListId = listId, SpokenId = spokenId };
    }

    private static string QuestionMarkdown(string title) => $"""
        ---
        title: {title}
        skills: [leadership]
        level: tpm
        kind: behavioural
        minutes: 5
        ---

        ## Prompt

        Tell me about a program you rescued. {Secret}

        ## What a strong answer covers

        - Evidence of how far off track it was.

        ## Rubric

        ### Diagnosis
        1. Symptoms only.
        2. A cause without evidence.
        3. The main causes, with evidence.

        ## Follow-ups

        - What would you do differently?
        """;

    private static async Task<AppClient> RegisterWithRolesAsync(TpmPrepFactory factory, string email, IEnumerable<string> roles)
    {
        var client = new AppClient(factory);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.DisplayName", "Someone Else"), new("Input.Email", email), new("Input.Password", AppClient.Password), new("Input.ConfirmPassword", AppClient.Password),
        };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync("/account/register", fields)).StatusCode);
        return client;
    }

    /// <summary>Everything the owner has, as their own export sees it (without the time of export).</summary>
    private static async Task<string> ExportOfAsync(TpmPrepFactory factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        var portability = scope.ServiceProvider.GetRequiredService<DataPortability>();
        var owner = new Viewer(userId, new HashSet<string>());
        var document = await portability.ExportAsync(owner, userId, CancellationToken.None);
        var jobs = await scope.ServiceProvider.GetRequiredService<ImportJobs>().RecentAsync(owner, userId, 10, CancellationToken.None);
        return DataPortability.ToJson(document with { ExportedUtc = null }) + JsonSerializer.Serialize(jobs.Select(j => j.FileName));
    }

    /// <summary>A GET, or a post with every field any form of the app takes (the owner's question id where a question is named), as the caller.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string? authCookie, string method, string url, Owner owner)
    {
        if (method == "GET")
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, url);
            if (authCookie is not null)
            {
                get.Headers.Add("Cookie", authCookie);
            }

            return await http.SendAsync(get);
        }

        // The antiforgery pair first: a cookie and the form token that goes with it, for this caller.
        using var form = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (authCookie is not null)
        {
            form.Headers.Add("Cookie", authCookie);
        }

        using var page = await http.SendAsync(form);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        var antiforgery = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)) : null;
        Assert.True(token.Success && antiforgery is not null, "no antiforgery token to post with");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Answer", "A stranger's answer"), new("Input.Markdown", QuestionMarkdown("A stranger's edit")), new("Input.Version", "1"),
            new("Input.Scores[0]", "1"), new("Input.Notes", "A stranger's notes"), new("Input.TimeTakenSeconds", "60"),
            new("QuestionId", owner.QuestionId), new("questionId", owner.QuestionId), new("days", "3"), new("text", "A stranger's draft"),
            new("Position", "1"), new("Overtime", "false"), new("indicator", "x"), new("rating", "3"), new("go", "next"),
            new("Input.Count", "1"), new("Input.Mode", "Practice"), new("mode", "Practice"), new("LevelId", "tpm"), new("Input.Roles", "Coach"),
            new("scope", "1"), new("scope", "2"), new("scope", "4"), new("linkId", owner.LinkId.ToString(CultureInfo.InvariantCulture)), new("inviteId", owner.InviteId.ToString(CultureInfo.InvariantCulture)),
            new("CoachEmail", "stranger@example.com"), new("CandidateEmail", "owner@example.com"), new("code", "0000-0000-0000"),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", authCookie is null ? antiforgery! : authCookie + "; " + antiforgery);
        return await http.SendAsync(post);
    }

    /// <summary>The endpoint's URL filled with each of the owner's ids in turn (a page without route values: itself once).</summary>
    private static IEnumerable<string> Urls(Endpoint endpoint, Owner owner)
    {
        var parameters = endpoint.Route.Parameters;
        var handler = endpoint.Handler is null ? "" : "?handler=" + endpoint.Handler;
        if (parameters.Count == 0)
        {
            yield return "/" + endpoint.Route.RawText!.TrimStart('/') + handler;
            yield break;
        }

        // A coach's pages name the owner's coaching link; other numbered pages each of the owner's records in turn.
        var values = parameters[0].Name == "linkId" ? [owner.LinkId.ToString(CultureInfo.InvariantCulture)]
            : parameters[0].ParameterPolicies.Any(p => p.Content == "int") ? owner.RecordIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList() : [owner.QuestionId];
        foreach (var value in values)
        {
            var path = new StringBuilder();
            foreach (var segment in endpoint.Route.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternParameterPart p when p == parameters[0] => value,
                        RoutePatternParameterPart p => p.Default?.ToString() ?? "1",
                        RoutePatternSeparatorPart separator => separator.Content,
                        _ => "",
                    });
                }
            }

            yield return path + handler;
        }
    }

    /// <summary>Every route of the app with each of its handlers: pages from their compiled descriptors, the rest as GET.</summary>
    private static async Task<List<Endpoint>> EndpointsAsync(TpmPrepFactory factory)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var found = new List<Endpoint>();
        foreach (var route in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var names = route.RoutePattern.Parameters.Count > 0 && route.RoutePattern.Parameters.Any(p => p.Name is "id" or "linkId");
            var signIn = route.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && route.Metadata.GetMetadata<IAllowAnonymous>() is null;
            if (route.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                found.Add(new Endpoint(route.RoutePattern, "GET", null, names, signIn));
                continue;
            }

            var compiled = await loader.LoadAsync(page, route.Metadata);
            signIn |= compiled.EndpointMetadata.OfType<IAuthorizeData>().Any() && !compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
            if (handlers.All(h => h.Method != "GET"))
            {
                handlers.Add(("GET", null));
            }

            found.AddRange(handlers.Select(h => new Endpoint(route.RoutePattern, h.Method, h.Name, names, signIn)));
        }

        return found;
    }

    private sealed record Endpoint(RoutePattern Route, string Method, string? Handler, bool NamesARecord, bool NeedsSignIn)
    {
        public string Pattern => Route.RawText!.TrimStart('/');
    }

    private sealed record Owner(AppClient Client, string UserId, string QuestionId, IReadOnlyList<int> RecordIds)
    {
        public int AttemptId { get; init; }

        public int LinkId { get; init; }

        public int InviteId { get; init; }

        public int ListId { get; init; }

        public int SpokenId { get; init; }
    }

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex InviteCode();

    [GeneratedRegex("/questions/(my-\\d+)")]
    private static partial Regex WrittenQuestionLocation();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static Regex NumberAfter(string prefix) => new(Regex.Escape(prefix) + "(\\d+)", RegexOptions.CultureInvariant);
}
