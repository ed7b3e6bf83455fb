using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;

namespace TpmPrep.Content.Tests.Library;

/// <summary>The content in the repository's content/ folder: loads without errors and keeps the promised size and depth.</summary>
public sealed partial class ShippedLibraryTests
{
    private static readonly Lazy<ContentCatalogue> Library = new(() => ContentLoader.Load(TestPaths.ShippedContent(), "content"));

    private static ContentCatalogue Catalogue => Library.Value;

    [Fact]
    public void LoadsWithoutErrors()
    {
        Assert.Empty(Catalogue.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void HasAtLeastTenBanksAndOneHundredEightyQuestions()
    {
        Assert.True(Catalogue.Banks.Count >= 10, $"{Catalogue.Banks.Count} banks");
        Assert.True(Catalogue.QuestionCount >= 180, $"{Catalogue.QuestionCount} questions");
        Assert.All(Catalogue.Banks, b => Assert.True(b.Questions.Count >= 12, $"{b.Id} has {b.Questions.Count} questions"));
        Assert.True(Catalogue.FindBank("system-design")!.Questions.Count >= 20);
    }

    [Theory]
    [InlineData("system-design")]
    [InlineData("risk-management")]
    [InlineData("milestones-schedules")]
    [InlineData("requirements-scope")]
    [InlineData("execution-escalations")]
    [InlineData("stakeholder-communication")]
    [InlineData("leadership-influence")]
    [InlineData("business-acumen")]
    [InlineData("agile-delivery")]
    [InlineData("technical-depth")]
    [InlineData("openers")]
    public void ShipsEveryPromisedBank(string bankId)
    {
        Assert.NotNull(Catalogue.FindBank(bankId));
    }

    [Fact]
    public void EverySkillAreaIsThePrimaryAreaOfAtLeast25Questions()
    {
        Assert.Equal(6, Catalogue.Skills.Count);
        Assert.All(Catalogue.QuestionsByPrimarySkill(), pair => Assert.True(pair.Value >= 25, $"{pair.Key}: {pair.Value}"));
    }

    [Fact]
    public void EveryLevelHasAtLeast40Questions()
    {
        Assert.Equal(["tpm", "senior-tpm", "principal-tpm"], Catalogue.Levels.Select(l => l.Id));
        Assert.All(Catalogue.QuestionsByLevel(), pair => Assert.True(pair.Value >= 40, $"{pair.Key}: {pair.Value}"));
    }

    [Fact]
    public void EveryQuestionIsDeepEnoughToTeachSomething()
    {
        var shortfalls = new List<string>();
        foreach (var q in Catalogue.Questions)
        {
            if (q.StrongAnswerPointsHtml.Count < 4)
            {
                shortfalls.Add($"{q.SourcePath}: {q.StrongAnswerPointsHtml.Count} strong-answer points (need 4)");
            }

            if (q.Rubric.Count < 3)
            {
                shortfalls.Add($"{q.SourcePath}: {q.Rubric.Count} rubric criteria (need 3)");
            }

            if (q.FollowUpsHtml.Count < 2)
            {
                shortfalls.Add($"{q.SourcePath}: {q.FollowUpsHtml.Count} follow-ups (need 2)");
            }

            if (q.PitfallsHtml.Count < 2)
            {
                shortfalls.Add($"{q.SourcePath}: {q.PitfallsHtml.Count} pitfalls (need 2)");
            }

            // Every question has a model answer; its length for the minutes is EveryModelAnswerFitsTheQuestionsMinutes.
            if (q.ModelAnswerHtml is null)
            {
                shortfalls.Add($"{q.SourcePath}: no '## Model answer' section");
            }

            shortfalls.AddRange(q.Rubric.SelectMany(c => c.AnchorsHtml)
                .Where(a => BareAdjective().IsMatch(a))
                .Select(a => $"{q.SourcePath}: anchor '{a}' is an adjective, not observable behaviour"));
        }

        Assert.Empty(shortfalls);
    }

    /// <summary>
    /// The words a model answer may have for the question's minutes: enough to earn the top anchor on every criterion of
    /// a longer question (a 25-minute case has more to cover than a 3-minute opener), and no more than a candidate could
    /// say in the time at about 130 words a minute, nor more than 700, past which it is no longer read as an example.
    /// </summary>
    public static (int Fewest, int Most) ModelAnswerWords(int minutes) =>
        (minutes switch { <= 8 => 180, <= 20 => 280, _ => 330 }, Math.Min(130 * minutes, 700));

    [Fact]
    public void EveryModelAnswerFitsTheQuestionsMinutes()
    {
        var outside = Catalogue.Questions
            .Select(q => (q, Words: Words().Count(Tags().Replace(q.ModelAnswerHtml ?? string.Empty, " ")), Range: ModelAnswerWords(q.Minutes)))
            .Where(x => x.Words < x.Range.Fewest || x.Words > x.Range.Most)
            .Select(x => $"{x.q.SourcePath}: a model answer of {x.Words} words for {x.q.Minutes} minutes (need {x.Range.Fewest} to {x.Range.Most})")
            .ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void TheWordRangeGrowsWithTheMinutesAndCanRefuse()
    {
        Assert.Equal((180, 390), ModelAnswerWords(3));
        Assert.Equal((280, 700), ModelAnswerWords(10));
        Assert.Equal((330, 700), ModelAnswerWords(45));
        var ranges = Enumerable.Range(3, 43).Select(ModelAnswerWords).ToList();
        Assert.True(ranges.Zip(ranges.Skip(1)).All(p => p.Second.Fewest >= p.First.Fewest && p.Second.Most >= p.First.Most));
    }

    /// <summary>Every kind a question may have is practised enough to be worth filtering by, at every level.</summary>
    [Fact]
    public void EveryKindHasAtLeastTenQuestionsAndOneAtEachLevel()
    {
        var shortfalls = new List<string>();
        foreach (var kind in QuestionKinds.All.Keys)
        {
            var questions = Catalogue.Questions.Where(q => q.Kind == kind).ToList();
            if (questions.Count < 10)
            {
                shortfalls.Add($"{kind}: {questions.Count} questions (need 10)");
            }

            shortfalls.AddRange(Catalogue.Levels.Where(l => questions.All(q => q.LevelId != l.Id)).Select(l => $"{kind}: none at {l.Id}"));
        }

        Assert.Empty(shortfalls);
    }

    /// <summary>An explanation is short, and its rubric has the shape the kind requires (the loader refuses any other).</summary>
    [Fact]
    public void ExplainQuestionsAreShortAndScoreAccuracyAudienceAndClarity()
    {
        var explain = Catalogue.Questions.Where(q => q.Kind == QuestionKinds.Explain).ToList();
        Assert.True(explain.Count >= 10, $"{explain.Count} explain questions");
        Assert.All(explain, q =>
        {
            Assert.InRange(q.Minutes, 5, 15);
            Assert.Contains(q.Rubric, c => c.Title.Contains("accuracy", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(q.Rubric, c => c.Title.Contains("audience", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(q.Rubric, c => c.Title.Contains("clarity", StringComparison.OrdinalIgnoreCase));
        });
    }

    /// <summary>
    /// A ready-made loop for each level, one kit per interview: questions at the loop's level (openers fit any), none
    /// asked twice in a loop, every focus area covered and every question serving the focus, an interview of 30 to 65
    /// minutes, and all six skill areas probed across the loop.
    /// </summary>
    [Fact]
    public void EveryLevelHasAReadyMadeLoopOfBalancedKits()
    {
        Assert.Equal(Catalogue.Levels.Select(l => l.Id), Catalogue.Loops.Select(l => l.LevelId));
        var problems = new List<string>();
        foreach (var loop in Catalogue.Loops)
        {
            if (loop.Kits.Count is < 4 or > 6)
            {
                problems.Add($"{loop.Id}: {loop.Kits.Count} interviews (a loop has 4 to 6)");
            }

            var asked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var kit in loop.Kits)
            {
                var questions = kit.Questions(Catalogue).ToList();
                problems.AddRange(questions.Where(q => q.LevelId != loop.LevelId && q.BankId != "openers").Select(q => $"{kit.SourcePath}: {q.Id} is a {q.LevelId} question"));
                problems.AddRange(kit.QuestionIds.Where(id => !asked.Add(id)).Select(id => $"{kit.SourcePath}: {id} is asked earlier in the loop"));
                problems.AddRange(kit.Focus.Where(f => questions.All(q => !q.Skills.Contains(f))).Select(f => $"{kit.SourcePath}: no question covers the focus area {f}"));
                problems.AddRange(questions.Where(q => !q.Skills.Intersect(kit.Focus).Any()).Select(q => $"{kit.SourcePath}: {q.Id} covers none of the focus areas"));
                if (kit.Minutes(Catalogue) is < 30 or > 65)
                {
                    problems.Add($"{kit.SourcePath}: {kit.Minutes(Catalogue)} minutes of questions (an interview has 30 to 65)");
                }

                if (Words().Count(Tags().Replace(kit.InstructionsHtml, " ")) < 120)
                {
                    problems.Add($"{kit.SourcePath}: the interviewer's instructions are under 120 words");
                }
            }

            var probed = loop.Kits.SelectMany(k => k.Focus).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(Catalogue.Skills.Where(s => !probed.Contains(s.Id)).Select(s => $"{loop.Id}: no interview has {s.Id} in its focus"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void QuestionFilesAreNamedAfterTheirIds()
    {
        Assert.All(Catalogue.Questions, q => Assert.EndsWith($"/{q.Id}.md", q.SourcePath, StringComparison.Ordinal));
    }

    [Fact]
    public void EverySkillAreaHasAtLeastSixIndicatorsWithFiveAnchors()
    {
        Assert.All(Catalogue.Skills, skill =>
        {
            Assert.True(skill.Indicators.Count >= 6, $"{skill.Id} has {skill.Indicators.Count} indicators");
            Assert.All(skill.Indicators, i => Assert.Equal(5, i.AnchorsHtml.Count));
            Assert.False(string.IsNullOrWhiteSpace(skill.DescriptionHtml), $"{skill.Id} has no description");
        });
    }

    [Fact]
    public void TargetsRiseWithEachLevelInEverySkillArea()
    {
        foreach (var skill in Catalogue.Skills)
        {
            var targets = Catalogue.Levels.Select(l => l.Targets[skill.Id]).ToList();
            Assert.True(targets.SequenceEqual(targets.Order()) && targets.Distinct().Count() == targets.Count, $"{skill.Id}: {string.Join(", ", targets)}");
        }
    }

    /// <summary>The interview questions of the seed article, each in the bank where it belongs.</summary>
    [Theory]
    [InlineData("system-design", "sd-ecommerce-platform-end-to-end")]
    [InlineData("leadership-influence", "lead-decision-that-shaped-architecture")]
    [InlineData("leadership-influence", "lead-best-problem-solving-and-your-part")]
    [InlineData("milestones-schedules", "ms-define-and-communicate-milestones")]
    [InlineData("risk-management", "risk-identify-and-mitigate-new-program")]
    [InlineData("execution-escalations", "exec-failing-project-missing-deadline")]
    [InlineData("system-design", "sd-fleet-update-10000-servers")]
    [InlineData("execution-escalations", "exec-project-phase-essentials")]
    [InlineData("execution-escalations", "exec-kick-off-new-project")]
    public void CoversTheSeedArticlesInterviewQuestions(string bankId, string questionId)
    {
        Assert.Equal(bankId, Catalogue.FindQuestion(questionId)?.BankId);
    }

    [Fact]
    public void HasNoNearDuplicateQuestions()
    {
        var words = Catalogue.Questions.ToDictionary(q => q.Id, q => Words(q.Title + " " + q.PromptHtml));
        var pairs = new List<string>();
        var ids = words.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                var a = words[ids[i]];
                var b = words[ids[j]];
                var similarity = (double)a.Intersect(b).Count() / a.Union(b).Count();
                if (similarity >= 0.5)
                {
                    pairs.Add($"{ids[i]} ~ {ids[j]}: {similarity:0.00}");
                }
            }
        }

        Assert.Empty(pairs);
    }

    /// <summary>The bank table in content/README.md is generated from the library; UPDATE_GOLDEN=1 rewrites it.</summary>
    [Fact]
    public void ContentReadmeListsEveryBankWithItsCount()
    {
        var readmePath = Path.Combine(TestPaths.ShippedContent(), "README.md");
        var readme = File.ReadAllText(readmePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string start = "<!-- library:start (generated by ShippedLibraryTests; UPDATE_GOLDEN=1 rewrites it) -->\n";
        const string end = "<!-- library:end -->";
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "content/README.md has no library:start/library:end markers");

        var expected = readme[..(from + start.Length)] + LibraryTable() + readme[to..];
        TestPaths.AssertGolden(readmePath, expected);
    }

    private static string LibraryTable()
    {
        var table = new StringBuilder();
        table.Append("| bank | questions | TPM | Senior TPM | Principal TPM | model answers |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var bank in Catalogue.Banks)
        {
            var byLevel = Catalogue.Levels.Select(l => bank.Questions.Count(q => q.LevelId == l.Id));
            table.Append(CultureInfo.InvariantCulture, $"| [{bank.Title}](banks/{Path.GetFileName(Path.GetDirectoryName(bank.SourcePath))}/) | {bank.Questions.Count} | {string.Join(" | ", byLevel)} | {bank.Questions.Count(q => q.ModelAnswerHtml is not null)} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"| **All banks** | **{Catalogue.QuestionCount}** | {string.Join(" | ", Catalogue.QuestionsByLevel().Values.Select(v => $"**{v}**"))} | **{Catalogue.Questions.Count(q => q.ModelAnswerHtml is not null)}** |\n\n");
        table.Append("| kind | questions | TPM | Senior TPM | Principal TPM |\n|---|---:|---:|---:|---:|\n");
        foreach (var (kind, name) in QuestionKinds.All)
        {
            var byLevel = Catalogue.Levels.Select(l => Catalogue.Questions.Count(q => q.Kind == kind && q.LevelId == l.Id));
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {Catalogue.Questions.Count(q => q.Kind == kind)} | {string.Join(" | ", byLevel)} |\n");
        }

        table.Append('\n');
        table.Append("| skill area | primary area of | indicators |\n|---|---:|---:|\n");
        var primary = Catalogue.QuestionsByPrimarySkill();
        foreach (var skill in Catalogue.Skills)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {skill.Title} | {primary[skill.Id]} questions | {skill.Indicators.Count} |\n");
        }

        return table.ToString();
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(TagPattern().Replace(text.ToLowerInvariant(), " ")).Select(m => m.Value).Where(w => w.Length > 3).ToHashSet();

    [GeneratedRegex(@"^(good|bad|poor|great|excellent|weak|strong|average|ok|fine|adequate|solid|exceptional|missing|partial)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAdjective();

    [GeneratedRegex("[a-z]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]+>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial System.Text.RegularExpressions.Regex Words();

    [Fact]
    public void TheOpenersBankHasTheQuestionsEveryLoopStartsWithAndTeachesStar()
    {
        var openers = Catalogue.FindBank("openers")!;
        Assert.True(openers.Questions.Count >= 12, $"{openers.Questions.Count} openers");
        var titles = string.Join("\n", openers.Questions.Select(q => q.Title)).ToLowerInvariant();
        foreach (var theme in new[] { "about yourself", "why tpm", "why this company", "proud", "failure" })
        {
            Assert.Contains(theme, titles, StringComparison.Ordinal);
        }

        foreach (var word in new[] { "Situation", "Task", "Action", "Result" })
        {
            Assert.Contains(word, openers.IntroductionHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryQuestionOfEveryBankHasAModelAnswer()
    {
        Assert.All(Catalogue.Banks, bank => Assert.All(bank.Questions, q => Assert.True(q.ModelAnswerHtml is not null, $"{q.SourcePath} has no model answer")));
        Assert.Equal(Catalogue.QuestionCount, Catalogue.Questions.Count(q => q.ModelAnswerHtml is not null));
    }
}
