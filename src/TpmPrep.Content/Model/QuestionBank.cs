namespace TpmPrep.Content.Model;

/// <summary>
/// A themed set of questions loaded from one folder. A bank with a <see cref="LevelId"/> is an interview kit for that
/// level (the format a kit is exported in): its questions keep the order of their file names.
/// </summary>
public sealed record QuestionBank(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Skills,
    int Order,
    string IntroductionHtml,
    string SourcePath,
    IReadOnlyList<Question> Questions,
    string? LevelId = null);
