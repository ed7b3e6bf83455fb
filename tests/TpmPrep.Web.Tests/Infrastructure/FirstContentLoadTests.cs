using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>Program starts reading the content folder before the host is built; the provider takes that read as its first load.</summary>
public sealed class FirstContentLoadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tpmprep-first-load-" + Guid.NewGuid().ToString("N"));

    public FirstContentLoadTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        Directory.CreateDirectory(Path.Combine(_root, "data"));
    }

    [Fact]
    public async Task TheProviderTakesTheReadStartedForItsFolderInsteadOfReadingAgain()
    {
        var content = Path.Combine(_root, "content");
        var started = new FirstContentLoad(content);
        Assert.Equal(0, (await started.Catalogue).QuestionCount);
        // The folder fills after that read: a provider that read it again would find the questions.
        CopyShippedContent(content);

        using var provider = new CatalogueProvider(new TpmPrepPaths(content, Path.Combine(_root, "data")), NullLogger<CatalogueProvider>.Instance, started);

        Assert.Same(await started.Catalogue, provider.Current);
        Assert.True(provider.Reload().QuestionCount > 0);
    }

    [Fact]
    public async Task AReadStartedForAnotherFolderIsNotTaken()
    {
        var content = Path.Combine(_root, "content");
        CopyShippedContent(content);
        var elsewhere = Path.Combine(_root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var started = new FirstContentLoad(elsewhere);
        await started.Catalogue;

        using var provider = new CatalogueProvider(new TpmPrepPaths(content, Path.Combine(_root, "data")), NullLogger<CatalogueProvider>.Instance, started);

        Assert.NotSame(await started.Catalogue, provider.Current);
        Assert.True(provider.Current.QuestionCount > 0);
    }

    [Fact]
    public async Task TheAppTakesTheReadProgramStartedBeforeTheHostWasBuilt()
    {
        using var factory = new TpmPrepFactory();
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();
        await provider.FirstLoad;

        // One read of the folder, not two: the catalogue served is the one Program started reading.
        Assert.Same(await factory.Services.GetRequiredService<FirstContentLoad>().Catalogue, provider.Current);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void CopyShippedContent(string to)
    {
        var from = Path.Combine(TpmPrepFactory.RepositoryRoot(), "content");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
