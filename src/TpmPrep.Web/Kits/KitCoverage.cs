using TpmPrep.Content.Model;

namespace TpmPrep.Web.Kits;

/// <summary>
/// Which focus skill areas of a kit its questions cover, and which questions cover none of them: what a hiring manager
/// checks before the kit goes to an interviewer. A question covers every skill area it lists.
/// </summary>
public sealed record KitCoverage(
    IReadOnlyList<string> Focus,
    IReadOnlyDictionary<string, int> QuestionsPerArea,
    IReadOnlyList<string> UncoveredAreas,
    IReadOnlyList<string> QuestionsOutsideFocus)
{
    /// <summary>Every focus area has a question and every question serves the focus.</summary>
    public bool Complete => UncoveredAreas.Count == 0 && QuestionsOutsideFocus.Count == 0;

    public static KitCoverage Of(IReadOnlyList<string> focus, IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(focus);
        ArgumentNullException.ThrowIfNull(questions);
        var perArea = focus.Distinct(StringComparer.Ordinal).ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        var outside = new List<string>();
        foreach (var question in questions)
        {
            var covers = question.Skills.Where(perArea.ContainsKey).ToList();
            foreach (var area in covers)
            {
                perArea[area]++;
            }

            if (covers.Count == 0 && perArea.Count > 0)
            {
                outside.Add(question.Id);
            }
        }

        return new KitCoverage(perArea.Keys.ToList(), perArea, perArea.Where(p => p.Value == 0).Select(p => p.Key).ToList(), outside);
    }
}
