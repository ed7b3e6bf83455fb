using TpmPrep.Content.Loading;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>
/// Each case is the shared valid library in Golden/Parser/_base plus the files of the case folder;
/// expected.json beside it is the check-content report: counts and every error as path and line.
/// </summary>
public sealed class ContentLoaderGoldenTests
{
    public static TheoryData<string> Cases() => new(CaseNames());

    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(TestPaths.Golden("Parser"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "_base")
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsMatchTheGoldenFile(string caseName)
    {
        using var library = GoldenLibrary.Build(caseName);

        var catalogue = ContentLoader.Load(library.Root, "content");

        TestPaths.AssertGolden(TestPaths.Golden("Parser", caseName + ".expected.json"), ContentCheck.ToJson(catalogue) + "\n");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void KeepsServingTheValidBankWhateverElseIsBroken(string caseName)
    {
        using var library = GoldenLibrary.Build(caseName);

        var catalogue = ContentLoader.Load(library.Root, "content");

        var alpha = catalogue.FindBank("alpha");
        Assert.NotNull(alpha);
        Assert.Contains(alpha.Questions, q => q.Id == "alpha-design");
        Assert.Contains(alpha.Questions, q => q.Id == "alpha-status");
        Assert.Equal(2, catalogue.Skills.Count);
        Assert.Equal(2, catalogue.Levels.Count);
    }

    [Fact]
    public void EveryBrokenCaseReportsAtLeastOneError()
    {
        foreach (var caseName in CaseNames().Where(c => c != "valid"))
        {
            using var library = GoldenLibrary.Build(caseName);
            var catalogue = ContentLoader.Load(library.Root, "content");
            Assert.True(catalogue.Errors.Count > 0, $"{caseName} should report an error");
            Assert.All(catalogue.Errors, e => Assert.True(e.Line >= 0 && e.Path.StartsWith("content/", StringComparison.Ordinal), e.ToString()));
        }
    }

    [Fact]
    public void ParsesEveryFieldOfAValidQuestion()
    {
        using var library = GoldenLibrary.Build("valid");

        var question = ContentLoader.Load(library.Root, "content").FindQuestion("alpha-design");

        Assert.NotNull(question);
        Assert.Equal("Design a notification service", question.Title);
        Assert.Equal(["technical", "communication"], question.Skills);
        Assert.Equal("technical", question.PrimarySkill);
        Assert.Equal("senior-tpm", question.LevelId);
        Assert.Equal("system-design", question.Kind);
        Assert.Equal(40, question.Minutes);
        Assert.Equal("<p>Design a service that sends <strong>email and push</strong> notifications.</p>\n", question.PromptHtml);
        Assert.Equal(["Queues between producers and senders.", "Retries with backoff and idempotency keys."], question.StrongAnswerPointsHtml);
        var criterion = Assert.Single(question.Rubric);
        Assert.Equal("Architecture", criterion.Title);
        Assert.Equal(["No components named.", "Components named without data flow.", "Data flow with queues and retries.", "Also sizes the queues from peak traffic."], criterion.AnchorsHtml);
        Assert.Equal(["How do you stop duplicate sends?"], question.FollowUpsHtml);
        Assert.Equal(["Sending synchronously from the request path."], question.PitfallsHtml);
        Assert.Equal(64, question.TextHash.Length);
        Assert.Equal("content/banks/alpha/alpha-design.md", question.SourcePath);
    }

    [Fact]
    public void ParsesSkillIndicatorsAndLevelTargets()
    {
        using var library = GoldenLibrary.Build("valid");

        var catalogue = ContentLoader.Load(library.Root, "content");

        var indicator = Assert.Single(catalogue.FindSkill("communication")!.Indicators);
        Assert.Equal("comm-tailored-reports", indicator.Id);
        Assert.Equal("I tailor status reports to their audience", indicator.Statement);
        Assert.Equal(5, indicator.AnchorsHtml.Count);
        Assert.Equal(65, catalogue.FindLevel("senior-tpm")!.Targets["technical"]);
        Assert.Equal(["tpm", "senior-tpm"], catalogue.Levels.Select(l => l.Id));
    }

    [Fact]
    public void TextHashChangesWhenTheQuestionIsEditedAndOnlyThen()
    {
        using var library = GoldenLibrary.Build("valid");
        var before = ContentLoader.Load(library.Root, "content").FindQuestion("alpha-status")!.TextHash;
        Assert.Equal(before, ContentLoader.Load(library.Root, "content").FindQuestion("alpha-status")!.TextHash);

        var path = Path.Combine(library.Root, "banks", "alpha", "alpha-status.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Your project is amber.", "Your project is red.", StringComparison.Ordinal));

        Assert.NotEqual(before, ContentLoader.Load(library.Root, "content").FindQuestion("alpha-status")!.TextHash);
    }

    [Fact]
    public void ReportsAMissingContentFolder()
    {
        var catalogue = ContentLoader.Load(Path.Combine(Path.GetTempPath(), "tpmprep-does-not-exist-" + Guid.NewGuid()), "content");

        var error = Assert.Single(catalogue.Errors);
        Assert.Equal("content:0: content folder not found", error.ToString());
    }
}

/// <summary>A temporary copy of Golden/Parser/_base with one case's files laid over it.</summary>
internal sealed class GoldenLibrary : IDisposable
{
    private GoldenLibrary(string root) => Root = root;

    public string Root { get; }

    public static GoldenLibrary Build(string caseName)
    {
        var root = Path.Combine(Path.GetTempPath(), "tpmprep-golden-" + Guid.NewGuid().ToString("N"));
        Copy(TestPaths.Golden("Parser", "_base"), root);
        Copy(TestPaths.Golden("Parser", caseName), root);
        return new GoldenLibrary(root);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
