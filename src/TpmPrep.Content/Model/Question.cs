namespace TpmPrep.Content.Model;

/// <summary>One interview question with everything needed to practise and grade it.</summary>
public sealed record Question(
    string Id,
    string BankId,
    string Title,
    IReadOnlyList<string> Skills,
    string LevelId,
    string Kind,
    int Minutes,
    string PromptHtml,
    IReadOnlyList<string> StrongAnswerPointsHtml,
    IReadOnlyList<RubricCriterion> Rubric,
    IReadOnlyList<string> FollowUpsHtml,
    IReadOnlyList<string> PitfallsHtml,
    string TextHash,
    string SourcePath)
{
    /// <summary>The first skill area listed: the one the question mainly exercises.</summary>
    public string PrimarySkill => Skills[0];
}

/// <summary>A rubric criterion with its four anchors (1 missing, 2 partial, 3 solid, 4 exceptional).</summary>
public sealed record RubricCriterion(string Title, IReadOnlyList<string> AnchorsHtml);
