namespace TpmPrep.Content.Model;

/// <summary>One of the TPM skill areas, with the behavioural indicators people rate themselves on.</summary>
public sealed record SkillArea(
    string Id,
    string Title,
    int Order,
    string DescriptionHtml,
    IReadOnlyList<SkillIndicator> Indicators,
    string SourcePath);

/// <summary>An observable statement rated on five anchored levels.</summary>
public sealed record SkillIndicator(string Id, string SkillId, string Statement, IReadOnlyList<string> AnchorsHtml);
