using System.Diagnostics;
using System.Net;
using TpmPrep.Web.Tests.Infrastructure;
using Xunit;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// The app listens while its content library is still being read: /healthz says so (503, "loading content"), and a
/// page asked for meanwhile waits and then shows the whole library, never an empty one. A named pipe stands in for a
/// file on a slow disk (mkfifo: Linux and macOS): reading it blocks until the test writes to it, so the test decides
/// when loading ends.
/// </summary>
public sealed class ListensBeforeTheLibraryIsRead
{
    [Fact]
    public async Task HealthSaysLoadingAndPagesWaitForTheWholeLibrary()
    {
        using var factory = new TpmPrepFactory { WaitForContent = false };
        var pipe = Path.Combine(factory.ContentPath, "banks", "agile-delivery", "zz-slow-disk.md");
        using (var mkfifo = Process.Start("mkfifo", pipe))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var question = (await File.ReadAllTextAsync(Path.Combine(factory.ContentPath, "banks", "agile-delivery", "agile-cross-team-dependencies.md")))
            .Replace("id: agile-cross-team-dependencies", "id: agile-slow-disk-question", StringComparison.Ordinal);

        using var client = factory.CreateClient();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("loading content", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = client.GetAsync("/banks/agile-delivery");
        await File.WriteAllTextAsync(pipe, question);
        var response = await page;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/questions/agile-slow-disk-question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
