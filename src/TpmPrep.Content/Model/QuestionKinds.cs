namespace TpmPrep.Content.Model;

/// <summary>The kinds of interview question the format accepts, with their display names and any rubric shape a kind requires.</summary>
public static class QuestionKinds
{
    /// <summary>A short explanation of how a technology works, to a named audience, in a few minutes.</summary>
    public const string Explain = "explain";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["behavioural"] = "Behavioural",
        ["scenario"] = "Scenario",
        ["system-design"] = "System design",
        ["estimation"] = "Estimation",
        ["technical-deep-dive"] = "Technical deep dive",
        [Explain] = "Explain it",
        ["case-study"] = "Case study",
    };

    /// <summary>
    /// The criteria a kind's rubric must score, each as the word its title must contain (case-insensitive) and what it
    /// scores. An explanation is judged on being right, on the depth chosen for the listener, and on being clear; other
    /// criteria (the consequence for the program, say) may follow.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Word, string Scores)>> RequiredCriteria { get; } =
        new Dictionary<string, IReadOnlyList<(string Word, string Scores)>>(StringComparer.Ordinal)
        {
            [Explain] = [("accuracy", "technical accuracy"), ("audience", "the depth chosen for the audience"), ("clarity", "clarity")],
        };

    public static string DisplayName(string kind) => All.TryGetValue(kind, out var name) ? name : kind;
}
