using System.Net;
using System.Text.Json;
using TpmPrep.Content.Model;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>A broken content file, at start or on a hot reload, never ends the app or drops what was served.</summary>
public sealed class BrokenContentNeverTakesTheAppDown
{
    private const string QuestionId = "sd-fleet-update-10000-servers";
    private const string QuestionFile = "banks/system-design/sd-fleet-update-10000-servers.md";

    [Fact]
    public async Task AppStartsWithADeeplyNestedQuestionAndReportsItAsDegraded()
    {
        using var factory = new TpmPrepFactory();
        var shipped = LoadShipped(factory);
        NestDeeply(Path.Combine(factory.ContentPath, QuestionFile));
        using var client = new AppClient(factory);

        var health = await HealthAsync(client);

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal(shipped.QuestionCount - 1, health.GetProperty("questions").GetInt32());
        Assert.Equal(1, health.GetProperty("contentErrors").GetInt32());
        Assert.Contains("content/" + QuestionFile, await client.GetHtmlAsync("/content-status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/questions/{QuestionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/questions/sd-analytics-data-pipeline")).StatusCode);
    }

    [Fact]
    public async Task AFileBrokenOnHotReloadIsServedAsItWasAndReported()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();
        var before = provider.Current;

        NestDeeply(Path.Combine(factory.ContentPath, QuestionFile));

        var after = await Eventually.WaitForAsync(() => provider.Current, c => c.Errors.Count > 0, "the reload that reports the broken file");
        Assert.Equal(before.QuestionCount, after.QuestionCount);
        Assert.Equal(["content/" + QuestionFile], after.KeptFiles);
        Assert.Contains("servers without customers noticing", await client.GetHtmlAsync($"/questions/{QuestionId}"), StringComparison.Ordinal);
        var health = await HealthAsync(client);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("keptFiles").GetInt32());
    }

    [Fact]
    public async Task DeletingTheContentFolderWhileRunningKeepsServingAndItComesBack()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();
        var before = provider.Current;
        var copy = factory.ContentPath + "-copy";
        CopyFolder(factory.ContentPath, copy);

        Directory.Delete(factory.ContentPath, recursive: true);

        var missing = await Eventually.WaitForAsync(() => provider.Current, c => c.Errors.Any(e => e.Message == "content folder not found"), "the reload that finds the folder gone");
        Assert.Equal(before.QuestionCount, missing.QuestionCount);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/questions/{QuestionId}")).StatusCode);
        Assert.Equal("Degraded", (await HealthAsync(client)).GetProperty("status").GetString());

        CopyFolder(copy, factory.ContentPath);

        var back = await Eventually.WaitForAsync(() => provider.Current, c => c.Errors.Count == 0, "the reload that finds the folder back");
        Assert.Equal(before.QuestionCount, back.QuestionCount);
        Assert.Empty(back.KeptFiles);
        Assert.Equal("Healthy", (await HealthAsync(client)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReloadsWhileTheFolderIsBeingDeletedEndNothing()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();

        // Reload over and over while another thread deletes the folder underneath: each reload sees some other half-deleted state.
        var deleting = Task.Run(() => Directory.Delete(factory.ContentPath, recursive: true));
        var reloads = 0;
        while (!deleting.IsCompleted || reloads == 0)
        {
            provider.Reload();
            reloads++;
        }

        await deleting;
        var last = provider.Current.QuestionCount;
        var final = provider.Reload();
        Assert.Contains(final.Errors, e => e.Message == "content folder not found");
        Assert.Equal(last, final.QuestionCount);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/content-status")).StatusCode);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static ContentCatalogue LoadShipped(TpmPrepFactory factory) => TpmPrep.Content.Loading.ContentLoader.Load(factory.ContentPath, "content");

    /// <summary>Deep enough that the prompt cannot be rendered, shallow enough to pass the parser's own checks.</summary>
    private static void NestDeeply(string path)
    {
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("## Prompt\n\n", "## Prompt\n\n" + new string('[', 200) + "deep\n\n", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> HealthAsync(AppClient client)
    {
        var response = await client.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
