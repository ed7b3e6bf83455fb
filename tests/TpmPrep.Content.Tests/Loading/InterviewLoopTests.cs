namespace TpmPrep.Content.Tests.Loading;

/// <summary>A ready-made loop under kits/: read with the library, a broken file reported by line and costing only itself.</summary>
public sealed class InterviewLoopTests
{
    private const string Loop = "kits/senior-tpm-loop/_loop.md";
    private const string Kit = "kits/senior-tpm-loop/02-senior-tpm-execution-risk.md";

    [Fact]
    public void ALoopKeepsItsKitsInFileOrderWithTheirQuestionsAndInstructions()
    {
        using var library = LibraryCopy.Create();
        var catalogue = library.Load();

        var loop = catalogue.FindLoop("senior-tpm-loop")!;
        Assert.Equal("senior-tpm", loop.LevelId);
        Assert.Equal(Enumerable.Range(1, loop.Kits.Count), loop.Kits.Select(k => k.Position));
        var kit = loop.Kits[1];
        Assert.Equal("senior-tpm-2-execution-risk", kit.Id);
        Assert.Equal(["exec-launch-readiness-go-no-go", "risk-triggers-and-leading-indicators", "ms-cross-team-dependencies"], kit.QuestionIds);
        Assert.Equal(55, kit.Minutes(catalogue));
        Assert.StartsWith("This interview tests", kit.InstructionsMarkdown, StringComparison.Ordinal);
        Assert.Contains("<p>This interview tests", kit.InstructionsHtml, StringComparison.Ordinal);
        Assert.Equal("content/" + Kit, kit.SourcePath);
    }

    [Theory]
    [InlineData(Kit, "  - ms-cross-team-dependencies", "  - no-such-question", "unknown question 'no-such-question' in 'questions'")]
    [InlineData(Kit, "level: senior-tpm", "level: tpm", "the kit is for 'tpm' but its loop (senior-tpm-loop) is for 'senior-tpm'")]
    [InlineData(Kit, "skills: [project-management, risk-management]", "skills: [project-management, risk-managment]", "unknown skill area 'risk-managment' in 'skills'")]
    [InlineData(Kit, "level: senior-tpm", "level: senior-tpm\nlevle: x", "unknown field 'levle'")]
    [InlineData(Kit, "  - risk-triggers-and-leading-indicators", "  - exec-launch-readiness-go-no-go", "question 'exec-launch-readiness-go-no-go' is listed twice in 'questions'")]
    public void ABrokenKitIsReportedAtItsLineAndTheRestLoads(string file, string from, string to, string message)
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        var line = library.Replace(file, from, to);

        var fresh = library.Load();

        var error = Assert.Single(fresh.Errors);
        Assert.Equal("content/" + file, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(line + (to.Contains("levle", StringComparison.Ordinal) ? 1 : 0), error.Line);
        Assert.Equal(good.FindLoop("senior-tpm-loop")!.Kits.Count - 1, fresh.FindLoop("senior-tpm-loop")!.Kits.Count);
        Assert.Equal(good.QuestionCount, fresh.QuestionCount);

        // On a reload the last good version of the kit is served until the file is fixed.
        var reloaded = library.Load(previous: good);
        Assert.Equal(good.FindLoop("senior-tpm-loop")!.Kits.Select(k => k.Id), reloaded.FindLoop("senior-tpm-loop")!.Kits.Select(k => k.Id));
        Assert.Equal(["content/" + file], reloaded.KeptFiles);
    }

    [Fact]
    public void ABrokenLoopFileLeavesOutItsKitsButNotTheLibrary()
    {
        using var library = LibraryCopy.Create();
        var good = library.Load();
        library.Replace(Loop, "level: senior-tpm", "level: senior");

        var fresh = library.Load();

        Assert.Contains(fresh.Errors, e => e.ToString().StartsWith("content/" + Loop + ":5: unknown level 'senior'", StringComparison.Ordinal));
        Assert.Contains(fresh.Errors, e => e.ToString() == $"content/{Loop}:1: loop not loaded, so its 5 kit files are not loaded either");
        Assert.Null(fresh.FindLoop("senior-tpm-loop"));
        Assert.NotNull(fresh.FindLoop("tpm-loop"));
        Assert.Equal(good.QuestionCount, fresh.QuestionCount);
        Assert.Equal(good.Loops.Count, library.Load(previous: good).Loops.Count);
    }

    [Fact]
    public void AQuestionRemovedFromTheBanksIsNamedInTheKitThatAsksIt()
    {
        using var library = LibraryCopy.Create();
        File.Delete(library.PathOf("banks/milestones-schedules/ms-cross-team-dependencies.md"));

        var fresh = library.Load();

        var error = Assert.Single(fresh.Errors);
        Assert.Equal($"content/{Kit}", error.Path);
        Assert.Equal("unknown question 'ms-cross-team-dependencies' in 'questions'", error.Message);
    }

    [Fact]
    public void AContentFolderWithoutKitsLoadsWithNoLoops()
    {
        using var library = LibraryCopy.Create();
        Directory.Delete(library.PathOf("kits"), recursive: true);

        var fresh = library.Load();

        Assert.Empty(fresh.Errors);
        Assert.Empty(fresh.Loops);
    }
}
