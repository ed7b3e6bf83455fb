using System.IO.Compression;
using System.Text;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Kits;

/// <summary>Coverage, kit generation and the kit zip's guards, on the shipped content.</summary>
public sealed class KitLogicTests
{
    private static readonly ContentCatalogue Shipped = ContentLoader.Load(Path.Combine(TpmPrepFactory.RepositoryRoot(), "content"), "content");

    private static IEnumerable<Question> Pool => Shipped.Banks.SelectMany(b => b.Questions);

    [Fact]
    public void CoverageNamesTheFocusAreaNoQuestionCoversAndTheQuestionOutsideTheFocus()
    {
        var risk = Pool.First(q => q.Skills.SequenceEqual(["risk-management"]) || (q.Skills.Contains("risk-management") && !q.Skills.Contains("communication")));
        var other = Pool.First(q => !q.Skills.Contains("risk-management") && !q.Skills.Contains("communication"));

        var coverage = KitCoverage.Of(["risk-management", "communication"], [risk, other]);

        Assert.Equal(["communication"], coverage.UncoveredAreas);
        Assert.Equal([other.Id], coverage.QuestionsOutsideFocus);
        Assert.Equal(1, coverage.QuestionsPerArea["risk-management"]);
        Assert.False(coverage.Complete);
        Assert.True(KitCoverage.Of(["risk-management"], [risk]).Complete);
    }

    [Theory]
    [InlineData("tpm", 45, new[] { "project-management", "risk-management", "communication" })]
    [InlineData("senior-tpm", 60, new[] { "technical", "leadership" })]
    [InlineData("principal-tpm", 50, new[] { "business-knowledge", "leadership", "risk-management", "technical" })]
    public void AProposalCoversEveryFocusAreaWithinTheBudgetAtOrNextToTheLevel(string level, int budget, string[] focus)
    {
        var proposal = KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest(level, focus, budget, new HashSet<string>()));

        Assert.NotEmpty(proposal.Questions);
        Assert.Empty(proposal.UncoveredAreas);
        Assert.All(focus, area => Assert.Contains(proposal.Questions, q => q.Skills.Contains(area)));
        Assert.InRange(proposal.Minutes, 1, budget);
        Assert.Equal(proposal.Questions.Count, proposal.Questions.Select(q => q.Id).Distinct().Count());
        var target = Shipped.Levels.ToList().FindIndex(l => l.Id == level);
        Assert.All(proposal.Questions, q => Assert.InRange(Shipped.Levels.ToList().FindIndex(l => l.Id == q.LevelId), target - 1, target + 1));
        // Questions at the target level come first where the banks have them: most of the kit is at the level.
        Assert.True(proposal.Questions.Count(q => q.LevelId == level) * 2 >= proposal.Questions.Count, string.Join(", ", proposal.Questions.Select(q => q.LevelId)));
        Assert.True(KitCoverage.Of(focus, proposal.Questions).UncoveredAreas.Count == 0);
    }

    [Fact]
    public void AProposalRepeatsNoQuestionOfTheLoopsOtherKitsAndIsTheSameForTheSameSeed()
    {
        var focus = new[] { "project-management", "risk-management" };
        var first = KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest("senior-tpm", focus, 60, new HashSet<string>()));
        var second = KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest("senior-tpm", focus, 60, first.Questions.Select(q => q.Id).ToHashSet()));

        Assert.Empty(second.Questions.Select(q => q.Id).Intersect(first.Questions.Select(q => q.Id)));
        Assert.Empty(second.UncoveredAreas);
        Assert.Equal(first.Questions.Select(q => q.Id), KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest("senior-tpm", focus, 60, new HashSet<string>())).Questions.Select(q => q.Id));
        var seeds = Enumerable.Range(1, 5).Select(seed => string.Join(",", KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest("senior-tpm", focus, 60, new HashSet<string>(), seed)).Questions.Select(q => q.Id)));
        Assert.True(seeds.Append(string.Join(",", first.Questions.Select(q => q.Id))).Distinct().Count() > 1, "another seed never proposes another kit");
    }

    [Fact]
    public void ABudgetTooShortForAnyQuestionProposesNothingAndSaysWhatIsUncovered()
    {
        var shortest = Pool.Min(q => q.Minutes);
        var proposal = KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest("tpm", ["communication"], shortest - 1, new HashSet<string>()));

        Assert.Empty(proposal.Questions);
        Assert.Equal(["communication"], proposal.UncoveredAreas);
    }

    [Fact]
    public void ASmallBudgetCoversWhatFitsAndNamesTheRest()
    {
        var focus = Shipped.Skills.Select(s => s.Id).ToList();
        var budget = Pool.Min(q => q.Minutes) * 2;
        var proposal = KitGenerator.Propose(Pool, Shipped.Levels, new KitRequest("senior-tpm", focus, budget, new HashSet<string>()));

        Assert.InRange(proposal.Minutes, 1, budget);
        Assert.NotEmpty(proposal.UncoveredAreas);
        Assert.Equal(focus.Where(f => !proposal.Questions.Any(q => q.Skills.Contains(f))), proposal.UncoveredAreas);
    }

    [Fact]
    public void IdsAreWrittenIntoAndTakenOutOfTheFrontMatter()
    {
        const string Written = "---\ntitle: A\nskills: [leadership]\n---\n\n## Prompt\n\nid: not front matter\n";
        var withId = KitFormat.WithId(Written, "kit-x-q01");

        Assert.StartsWith("---\nid: kit-x-q01\ntitle: A\n", withId, StringComparison.Ordinal);
        Assert.Equal(Written, KitFormat.WithoutId(withId));
        Assert.Contains("id: not front matter", KitFormat.WithoutId(withId), StringComparison.Ordinal);
        Assert.Equal("kit-senior-tpm-execution-loop", KitFormat.Slug("Senior TPM — execution loop!"));
        Assert.Equal("kit-interview", KitFormat.Slug("???"));
        Assert.Equal("\"say \\\"hi\\\" \\\\ ok\"", KitFormat.Quoted("say \"hi\" \\ ok\n"));
    }

    [Fact]
    public void AZipThatLeavesItsFolderHasTooManyEntriesOrUnpacksTooLargeIsRefusedWithTheReason()
    {
        Assert.Contains("not a file name", Unzip(("banks/../../etc/x.md", "x")).Error, StringComparison.Ordinal);
        Assert.Contains("not a file name", Unzip(("/abs.md", "x")).Error, StringComparison.Ordinal);
        Assert.Contains("entries", Unzip(Enumerable.Range(0, KitFormat.MaxEntries + 1).Select(i => ($"banks/b/{i}.md", "x")).ToArray()).Error, StringComparison.Ordinal);
        // A "bomb": a megabyte of one letter packs into a kilobyte or so and is stopped as it unpacks.
        Assert.Contains("unpacks to more than", Unzip(("banks/b/q.md", new string('a', KitFormat.MaxEntryBytes + 1))).Error, StringComparison.Ordinal);
        Assert.Contains("not a zip", KitFormat.Unzip(new MemoryStream(Encoding.UTF8.GetBytes("not a zip at all"))).Error, StringComparison.Ordinal);
        Assert.Contains("no Markdown", Unzip(("banks/b/image.png", "x")).Error, StringComparison.Ordinal);

        var wrapped = Unzip(("my-kit/banks/b/_bank.md", "x"), ("my-kit/skills/areas/a.md", "y"));
        Assert.Null(wrapped.Error);
        Assert.Equal(["banks/b/_bank.md", "skills/areas/a.md"], wrapped.Files.Select(f => f.Path));
    }

    private static (IReadOnlyList<KitFile> Files, string? Error) Unzip(params (string Name, string Text)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        buffer.Position = 0;
        return KitFormat.Unzip(buffer);
    }
}
