namespace TpmPrep.Content.Model;

/// <summary>
/// A ready-made interview loop shipped with the content (<c>kits/&lt;loop&gt;/_loop.md</c>): the interviews of one hiring
/// loop for a level, in order, each a kit a hiring manager can start from.
/// </summary>
public sealed record InterviewLoop(
    string Id,
    string Title,
    string Summary,
    string LevelId,
    int Order,
    string IntroductionHtml,
    string SourcePath,
    IReadOnlyList<ReadyKit> Kits)
{
    public int Minutes(ContentCatalogue catalogue) => Kits.Sum(k => k.Minutes(catalogue));
}

/// <summary>
/// One interview of a loop (<c>kits/&lt;loop&gt;/NN-&lt;kit&gt;.md</c>): the front matter of an exported kit's <c>_bank.md</c>
/// (title, summary, focus skill areas, level) with <c>questions</c>, the library questions it asks in order, instead of
/// copies of them; its body is the interviewer's instructions, kept as Markdown (a kit made from it carries them) and
/// rendered once.
/// </summary>
public sealed record ReadyKit(
    string Id,
    string LoopId,
    int Position,
    string Title,
    string Summary,
    string LevelId,
    IReadOnlyList<string> Focus,
    IReadOnlyList<string> QuestionIds,
    string InstructionsMarkdown,
    string InstructionsHtml,
    string SourcePath)
{
    public IEnumerable<Question> Questions(ContentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return QuestionIds.Select(catalogue.FindQuestion).OfType<Question>();
    }

    public int Minutes(ContentCatalogue catalogue) => Questions(catalogue).Sum(q => q.Minutes);
}
