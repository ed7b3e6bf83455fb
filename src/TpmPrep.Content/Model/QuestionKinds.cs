namespace TpmPrep.Content.Model;

/// <summary>The kinds of interview question the format accepts, with their display names.</summary>
public static class QuestionKinds
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["behavioural"] = "Behavioural",
        ["scenario"] = "Scenario",
        ["system-design"] = "System design",
        ["estimation"] = "Estimation",
        ["technical-deep-dive"] = "Technical deep dive",
        ["case-study"] = "Case study",
    };

    public static string DisplayName(string kind) => All.TryGetValue(kind, out var name) ? name : kind;
}
