namespace TpmPrep.Content.Model;

/// <summary>One interview question with everything needed to practise and grade it.</summary>
/// <remarks>The rendered HTML is kept compactly (see <see cref="CompactText"/>) and read back as strings.</remarks>
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
    private readonly CompactText _prompt = CompactText.From(PromptHtml);

    public string PromptHtml
    {
        get => _prompt.ToString();
        init => _prompt = CompactText.From(value);
    }

    public IReadOnlyList<string> StrongAnswerPointsHtml { get; init; } = CompactTextList.From(StrongAnswerPointsHtml);

    public IReadOnlyList<string> FollowUpsHtml { get; init; } = CompactTextList.From(FollowUpsHtml);

    public IReadOnlyList<string> PitfallsHtml { get; init; } = CompactTextList.From(PitfallsHtml);

    private readonly CompactText? _modelAnswer;

    /// <summary>A written exemplar answer (the optional <c>## Model answer</c> section), shown after grading; null when the file has none.</summary>
    public string? ModelAnswerHtml
    {
        get => _modelAnswer?.ToString();
        init => _modelAnswer = value is null ? null : CompactText.From(value);
    }

    /// <summary>The first skill area listed: the one the question mainly exercises.</summary>
    public string PrimarySkill => Skills[0];

    /// <summary>How many anchored levels each criterion has: the rubric's scale runs from 1 to this.</summary>
    public int RubricLevels => Rubric.Count == 0 ? Scoring.RubricScale.CommonLevels : Rubric[0].AnchorsHtml.Count;
}

/// <summary>A rubric criterion with its anchors, lowest first (in the shipped banks four: 1 missing, 2 partial, 3 solid, 4 exceptional).</summary>
public sealed record RubricCriterion(string Title, IReadOnlyList<string> AnchorsHtml)
{
    public IReadOnlyList<string> AnchorsHtml { get; init; } = CompactTextList.From(AnchorsHtml);
}
