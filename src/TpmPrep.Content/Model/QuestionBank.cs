namespace TpmPrep.Content.Model;

/// <summary>A themed set of questions loaded from one folder.</summary>
public sealed record QuestionBank(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Skills,
    int Order,
    string IntroductionHtml,
    string SourcePath,
    IReadOnlyList<Question> Questions);
