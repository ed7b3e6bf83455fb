using System.Text;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>A temporary copy of the shipped library that a test may break.</summary>
internal sealed class LibraryCopy : IDisposable
{
    private LibraryCopy(string root) => Root = root;

    public string Root { get; }

    public static LibraryCopy Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "tpmprep-library-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(TestPaths.ShippedContent(), "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(TestPaths.ShippedContent(), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new LibraryCopy(root);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public ContentCatalogue Load(ContentCatalogue? previous = null) => ContentLoader.Load(Root, "content", previous: previous);

    /// <summary>Replaces the first occurrence of <paramref name="from"/> and returns the 1-based line it was on.</summary>
    public int Replace(string relative, string from, string to)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found in {relative}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
        return text[..at].Count(c => c == '\n') + 1;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test removed it on purpose.
        }
    }
}

/// <summary>At start, a broken indicator, target or file costs only itself: the rest of its area, level and library loads.</summary>
public sealed class ABrokenPartCostsOnlyItself
{
    private const string RiskArea = "skills/areas/risk-management.md";
    private const string TpmLevel = "skills/levels/tpm.md";

    [Fact]
    public void AnIndicatorWithoutItsIdIsOneErrorAndTheAreaStillLoads()
    {
        using var library = LibraryCopy.Create();
        var before = library.Load();
        var line = library.Replace(RiskArea, " {#risk-assessment-likelihood-impact}", string.Empty);

        var after = library.Load();

        var error = Assert.Single(after.Errors);
        Assert.Equal($"content/{RiskArea}", error.Path);
        Assert.Equal(line, error.Line);
        Assert.Contains("needs a stable id", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.QuestionCount, after.QuestionCount);
        Assert.Equal(before.Banks.Count, after.Banks.Count);
        Assert.Equal(before.Levels.Count, after.Levels.Count);
        var area = after.FindSkill("risk-management");
        Assert.NotNull(area);
        Assert.Equal(before.FindSkill("risk-management")!.Indicators.Count - 1, area.Indicators.Count);
        Assert.DoesNotContain(area.Indicators, i => i.Id == "risk-assessment-likelihood-impact");
    }

    [Fact]
    public void AnImpossibleTargetIsOneErrorAndTheLevelAndItsQuestionsStillLoad()
    {
        using var library = LibraryCopy.Create();
        var before = library.Load();
        var line = library.Replace(TpmLevel, "risk-management: 50", "risk-management: 150");

        var after = library.Load();

        var error = Assert.Single(after.Errors);
        Assert.Equal($"content/{TpmLevel}:{line}: target for 'risk-management' must be a whole number from 0 to 100", error.ToString());
        Assert.Equal(before.QuestionCount, after.QuestionCount);
        Assert.Equal(before.QuestionsByLevel()["tpm"], after.QuestionsByLevel()["tpm"]);
        var level = after.FindLevel("tpm")!;
        Assert.False(level.Targets.ContainsKey("risk-management"));
        Assert.Equal(before.FindLevel("tpm")!.Targets.Count - 1, level.Targets.Count);
    }

    [Fact]
    public void ABrokenQuestionCostsOnlyThatQuestion()
    {
        using var library = LibraryCopy.Create();
        var before = library.Load();
        library.Replace("banks/risk-management/risk-burn-down-exposure.md", "## Rubric", "## Rubrik");

        var after = library.Load();

        Assert.All(after.Errors, e => Assert.Equal("content/banks/risk-management/risk-burn-down-exposure.md", e.Path));
        Assert.Equal(before.QuestionCount - 1, after.QuestionCount);
        Assert.Null(after.FindQuestion("risk-burn-down-exposure"));
    }

    [Fact]
    public void AFileThatIsNotUtf8IsAnErrorOnTheLineOfItsFirstBadByte()
    {
        using var library = LibraryCopy.Create();
        var before = library.Load();
        var path = library.PathOf("banks/risk-management/risk-burn-down-exposure.md");
        var lines = File.ReadAllLines(path);
        var latin1 = Encoding.Latin1.GetBytes(string.Join('\n', lines.Take(2)) + "\n" + lines[2] + " caf\u00e9\n" + string.Join('\n', lines.Skip(3)));
        File.WriteAllBytes(path, latin1);

        var after = library.Load();

        var error = Assert.Single(after.Errors);
        Assert.Equal("content/banks/risk-management/risk-burn-down-exposure.md", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.QuestionCount - 1, after.QuestionCount);
    }

    [Fact]
    public void ALinkToAFileOutsideTheContentFolderIsNotRead()
    {
        using var library = LibraryCopy.Create();
        using var outside = LibraryCopy.Create();
        var before = library.Load();
        var secret = outside.PathOf("banks/risk-management/risk-burn-down-exposure.md");
        File.WriteAllText(secret, File.ReadAllText(secret).Replace("id: risk-burn-down-exposure", "id: read-from-outside", StringComparison.Ordinal));
        File.CreateSymbolicLink(library.PathOf("banks/risk-management/linked.md"), secret);
        Directory.CreateSymbolicLink(library.PathOf("banks/linked-bank"), outside.PathOf("banks/agile-delivery"));

        var after = library.Load();

        Assert.Null(after.FindQuestion("read-from-outside"));
        Assert.Equal(before.QuestionCount, after.QuestionCount);
        Assert.Equal(
            ["content/banks/linked-bank:0: is a link to outside the content folder, so it is not read", "content/banks/risk-management/linked.md:0: is a link to outside the content folder, so it is not read"],
            after.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ALinkWithinTheContentFolderIsRead()
    {
        using var library = LibraryCopy.Create();
        var moved = library.PathOf("banks/risk-management/risk-burn-down-exposure.md");
        var elsewhere = library.PathOf("shared-question.md");
        File.Move(moved, elsewhere);
        File.CreateSymbolicLink(moved, elsewhere);

        var after = library.Load();

        Assert.Empty(after.Errors);
        Assert.NotNull(after.FindQuestion("risk-burn-down-exposure"));
    }
}

/// <summary>A reload with broken files keeps the last good version of each, so it never serves less than before.</summary>
public sealed class AReloadNeverMakesThingsWorse
{
    [Theory]
    [InlineData("skills/areas/risk-management.md", " {#risk-assessment-likelihood-impact}", "")]
    [InlineData("skills/areas/risk-management.md", "id: risk-management", "id: [risk")]
    [InlineData("skills/levels/tpm.md", "risk-management: 50", "risk-management: 150")]
    [InlineData("skills/levels/tpm.md", "title: TPM", "titel: TPM")]
    [InlineData("banks/risk-management/_bank.md", "id: risk-management", "")]
    [InlineData("banks/risk-management/risk-burn-down-exposure.md", "## Rubric", "## Rubrik")]
    public void AFileBrokenOnReloadKeepsItsLastGoodVersion(string file, string from, string to)
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        library.Replace(file, from, to);

        var reloaded = library.Load(previous: good);

        Assert.NotEmpty(reloaded.Errors);
        Assert.All(reloaded.Errors, e => Assert.Equal("content/" + file, e.Path));
        Assert.Equal(["content/" + file], reloaded.KeptFiles);
        Assert.Equal(good.QuestionCount, reloaded.QuestionCount);
        Assert.Equal(good.Banks.Count, reloaded.Banks.Count);
        Assert.Equal(good.Skills.Select(s => (s.Id, s.Indicators.Count)), reloaded.Skills.Select(s => (s.Id, s.Indicators.Count)));
        Assert.Equal(good.Levels.Select(l => (l.Id, l.Targets.Count)), reloaded.Levels.Select(l => (l.Id, l.Targets.Count)));
    }

    [Fact]
    public void AFixedFileIsServedAgainAndNoLongerKept()
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        library.Replace("banks/risk-management/risk-burn-down-exposure.md", "## Rubric", "## Rubrik");
        var broken = library.Load(previous: good);
        library.Replace("banks/risk-management/risk-burn-down-exposure.md", "## Rubrik", "## Rubric");
        library.Replace("banks/risk-management/risk-burn-down-exposure.md", "title: ", "title: Edited ");

        var fixedAgain = library.Load(previous: broken);

        Assert.True(fixedAgain.Errors.Count == 0, string.Join("\n", fixedAgain.Errors));
        Assert.Empty(fixedAgain.KeptFiles);
        Assert.StartsWith("Edited ", fixedAgain.FindQuestion("risk-burn-down-exposure")!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeletedFileIsGoneNotKept()
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        File.Delete(library.PathOf("banks/risk-management/risk-burn-down-exposure.md"));

        var reloaded = library.Load(previous: good);

        Assert.Empty(reloaded.Errors);
        Assert.Equal(good.QuestionCount - 1, reloaded.QuestionCount);
    }

    [Fact]
    public void ARemovedContentFolderKeepsEverything()
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        Directory.Delete(library.Root, recursive: true);

        var reloaded = library.Load(previous: good);

        Assert.Equal("content:0: content folder not found", Assert.Single(reloaded.Errors).ToString());
        Assert.Equal(good.QuestionCount, reloaded.QuestionCount);
        Assert.Equal(good.Skills.Count, reloaded.Skills.Count);
        Assert.NotEmpty(reloaded.KeptFiles);
    }

    [Fact]
    public void ARemovedBanksFolderKeepsTheBanks()
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        Directory.Delete(library.PathOf("banks"), recursive: true);

        var reloaded = library.Load(previous: good);

        Assert.Equal("content/banks:0: banks folder not found", Assert.Single(reloaded.Errors).ToString());
        Assert.Equal(good.QuestionCount, reloaded.QuestionCount);
    }
}
