using System.Net;
using Microsoft.AspNetCore.TestHost;
using TpmPrep.Web.Access;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Access;

/// <summary>The rule itself: the owner always, an administrator for accounts only, anyone else through a grant.</summary>
public sealed class TheRuleAnswersOwnerAdministratorAndStranger
{
    private static readonly RecordAccess Rule = new([new AdministratorGrant()]);

    [Fact]
    public async Task TheOwnerMayReadAndWriteEveryKindOfTheirRecords()
    {
        var owner = new Viewer("owner", new HashSet<string>());
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            Assert.True(await Rule.AllowsAsync(owner, "owner", kind, AccessAction.Read, CancellationToken.None), kind.ToString());
            Assert.True(await Rule.AllowsAsync(owner, "owner", kind, AccessAction.Write, CancellationToken.None), kind.ToString());
        }
    }

    [Fact]
    public async Task AnAdministratorManagesAccountsAndSeesNobodysPractice()
    {
        var administrator = new Viewer("admin", new HashSet<string> { TpmPrep.Web.Accounts.AppRoles.Admin });
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            Assert.Equal(kind == RecordKind.Account, await Rule.AllowsAsync(administrator, "someone", kind, AccessAction.Read, CancellationToken.None));
            Assert.Equal(kind == RecordKind.Account, await Rule.AllowsAsync(administrator, "someone", kind, AccessAction.Write, CancellationToken.None));
        }
    }

    [Fact]
    public async Task RolesOneCanRegisterWithOpenNothingOfAnybodyElses()
    {
        var stranger = new Viewer("stranger", TpmPrep.Web.Accounts.AppRoles.Selectable.ToHashSet());
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            Assert.False(await Rule.AllowsAsync(stranger, "someone", kind, AccessAction.Read, CancellationToken.None), kind.ToString());
            await Assert.ThrowsAsync<RecordNotFoundException>(() => Rule.DemandAsync(stranger, "someone", kind, AccessAction.Read, CancellationToken.None));
        }
    }
}

/// <summary>
/// A grant (as coaching and interview plans will add) plugs into the same rule and every page obeys it: it opens what it
/// covers and nothing else, and its end closes the door on the next request.
/// </summary>
public sealed class GrantsPlugIntoTheOneRule
{
    [Fact]
    public async Task AGrantOpensTheKindItCoversOnEveryPageAndClosesAtOnceWhenRevoked()
    {
        var grant = new SwitchableGrant();
        using var factory = new GrantingFactory(grant);
        using var owner = await AppClient.RegisteredAsync(factory, "owner@example.com");
        var attemptId = await owner.AnswerAsync("sd-fleet-update-10000-servers", "Waves behind health gates, in the owners words.");
        var session = await owner.PostFormAsync("/practice", new() { ["Input.Count"] = "1", ["Input.Mode"] = "Practice" });
        var sessionUrl = session.Headers.Location!.OriginalString;
        using var reader = await AppClient.RegisteredAsync(factory, "reader@example.com", "Coach");
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TpmPrep.Web.Data.AppUser>>();
        grant.Viewer = (await users.FindByEmailAsync("reader@example.com"))!.Id;
        grant.Subject = (await users.FindByEmailAsync("owner@example.com"))!.Id;

        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync($"/attempts/{attemptId}")).StatusCode);

        grant.Covers = RecordKind.Attempt;
        var opened = await reader.GetHtmlAsync($"/attempts/{attemptId}");
        Assert.Contains("in the owners words", opened, StringComparison.Ordinal);
        // Reading attempts is not changing them, nor reading sessions.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.PostFormAsync("/", new(), $"/attempts/{attemptId}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync(sessionUrl)).StatusCode);
        Assert.Contains("in the owners words", await owner.GetHtmlAsync($"/attempts/{attemptId}"), StringComparison.Ordinal);

        grant.Covers = null;
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync($"/attempts/{attemptId}")).StatusCode);
    }

    private sealed class SwitchableGrant : IAccessGrant
    {
        public string? Viewer { get; set; }

        public string? Subject { get; set; }

        public RecordKind? Covers { get; set; }

        public Task<bool> AllowsAsync(Viewer viewer, string subjectUserId, RecordKind kind, AccessAction action, CancellationToken cancellationToken) =>
            Task.FromResult(viewer.UserId == Viewer && subjectUserId == Subject && kind == Covers && action == AccessAction.Read);
    }

    private sealed class GrantingFactory(IAccessGrant grant) : TpmPrepFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(grant));
        }
    }
}
