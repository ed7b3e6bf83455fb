using TpmPrep.Content.Loading;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>A bank with a level is an interview kit (the app's export format): its level is checked and its questions keep their files' order.</summary>
public sealed class KitBankTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tpmprep-kitbank-" + Guid.NewGuid().ToString("N"));

    public KitBankTests()
    {
        var source = TestPaths.Golden("Parser", "_base");
        foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void AKitKeepsItsQuestionsInFileOrderAndABankByLevelThenTitle()
    {
        var alpha = Path.Combine(_root, "banks", "alpha");
        // By level then title, the TPM question comes first; the file names put the senior one first.
        File.Move(Path.Combine(alpha, "alpha-design.md"), Path.Combine(alpha, "01-alpha-design.md"));
        File.Move(Path.Combine(alpha, "alpha-status.md"), Path.Combine(alpha, "02-alpha-status.md"));
        Assert.Equal(["alpha-status", "alpha-design"], Load().FindBank("alpha")!.Questions.Select(q => q.Id));

        File.WriteAllText(Path.Combine(alpha, "_bank.md"), File.ReadAllText(Path.Combine(alpha, "_bank.md")).Replace("order: 1\n", "order: 1\nlevel: senior-tpm\n", StringComparison.Ordinal));
        var kit = Load().FindBank("alpha")!;

        Assert.Equal("senior-tpm", kit.LevelId);
        Assert.Equal(["alpha-design", "alpha-status"], kit.Questions.Select(q => q.Id));
    }

    [Fact]
    public void AnUnknownLevelIsNamedWithItsLine()
    {
        var bank = Path.Combine(_root, "banks", "alpha", "_bank.md");
        File.WriteAllText(bank, File.ReadAllText(bank).Replace("order: 1\n", "order: 1\nlevel: wizard\n", StringComparison.Ordinal));

        var catalogue = Load();

        var error = Assert.Single(catalogue.Errors, e => e.Path.EndsWith("alpha/_bank.md", StringComparison.Ordinal) && e.Line == 7);
        Assert.Contains("unknown level 'wizard'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABankFileIsCheckedOnItsOwnByTheSameRules()
    {
        var catalogue = Load();
        const string Good = "---\nid: kit-a\ntitle: \"A: kit\"\nsummary: \"Short.\"\nskills: [communication]\nlevel: tpm\n---\n\nBe kind.\n";

        Assert.Empty(ContentLoader.CheckBankFile("kit", Good, catalogue));
        var errors = ContentLoader.CheckBankFile("kit", Good.Replace("Be kind.", "Be kind.\n\n## Two", StringComparison.Ordinal), catalogue);
        Assert.Contains(errors, e => e.Line == 11 && e.Message.Contains("without '##' sections", StringComparison.Ordinal));
        Assert.Contains(ContentLoader.CheckBankFile("kit", Good.Replace("[communication]", "[sorcery]", StringComparison.Ordinal), catalogue), e => e.Line == 5);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Model.ContentCatalogue Load() => ContentLoader.Load(_root, "content");
}
