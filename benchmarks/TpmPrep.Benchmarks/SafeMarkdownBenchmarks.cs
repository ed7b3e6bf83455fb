using System.Text;
using BenchmarkDotNet.Attributes;
using TpmPrep.Content.Markdown;

namespace TpmPrep.Benchmarks;

/// <summary>Rendering a candidate's answer, as a question or grading page does on each request.</summary>
[MemoryDiagnoser]
public class SafeMarkdownBenchmarks
{
    /// <summary>About 1.3 KB: what a candidate writes for one question.</summary>
    public const string TypicalAnswer = """
        I would start by **clarifying the goal** with the head of engineering: is the problem the date, or the
        number of stories blocked on other teams?

        Then, for the next quarter:

        - One ranked list of program features that all six product owners plan from.
        - Joint refinement for each cross-team feature, with its slices ranked together.
        - A *WIP limit* on cross-team features, so teams finish before they start.
        - A short blocker sync three times a week instead of the long status meeting.

        On the reorganisation, I would pilot one journey-aligned team for a quarter and compare
        lead time and blocked time with the rest (see [Team Topologies](https://teamtopologies.com/)).
        I would measure:

        1. Blocked-story share, from about a third towards under 10%.
        2. Feature lead time.
        3. Slices waiting unused.

        The risk is that the platform team becomes a bottleneck; `feature flags` and stubs reduce waiting.
        """;

    public static string LongNestedAnswer { get; } = BuildLongNested();

    // Instance copies, so that BenchmarkDotNet's instance methods read their input as a page would.
    private readonly string _typical = TypicalAnswer;
    private readonly string _longNested = LongNestedAnswer;

    /// <summary>Refuses to run when an input falls back to plain text, which would measure the wrong path.</summary>
    [GlobalSetup]
    public void CheckInputsRenderAsMarkdown()
    {
        foreach (var (name, text) in new[] { ("typical", _typical), ("long nested", _longNested) })
        {
            var html = SafeMarkdown.ToHtml(text);
            if (html.StartsWith("<p class=\"md-plain\">", StringComparison.Ordinal) || !html.Contains("<li>", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the {name} answer ({text.Length} characters) is not rendered as Markdown");
            }
        }
    }

    [Benchmark(Description = "ToHtml typical answer (1.3 KB)")]
    public string Typical() => SafeMarkdown.ToHtml(_typical);

    [Benchmark(Description = "ToHtml long nested answer (20 KB)")]
    public string LongNested() => SafeMarkdown.ToHtml(_longNested);

    /// <summary>Long and awkward but within every limit: nested lists and quotes, tables, links (some unsafe), emphasis and code.</summary>
    private static string BuildLongNested()
    {
        var text = new StringBuilder();
        for (var section = 1; section <= 20; section++)
        {
            text.Append("## Part ").Append(section).Append("\n\n");
            text.Append("A paragraph with **bold**, *emphasis*, ~~struck~~ text, `code`, a [safe link](https://example.com/").Append(section)
                .Append("), an [unsafe one](javascript:alert(").Append(section).Append(")) and https://example.org/auto/").Append(section).Append(".\n\n");
            for (var depth = 0; depth < 8; depth++)
            {
                text.Append(new string(' ', depth * 2)).Append("- level ").Append(depth).Append(" with *emphasis* and [a link](/questions/q-").Append(depth).Append(")\n");
            }

            text.Append("\n> A quote\n>\n> > nested once with **bold**\n> >\n> > > and twice\n\n");
            text.Append("| criterion | score | note |\n|---|---|---|\n");
            for (var row = 0; row < 6; row++)
            {
                text.Append("| row ").Append(row).Append(" | ").Append(row % 4 + 1).Append(" | *fine* |\n");
            }

            text.Append("\n- [x] done task\n- [ ] open task\n\n1. first\n2. second\n   1. nested\n   2. numbered\n\n");
        }

        return text.ToString();
    }
}
