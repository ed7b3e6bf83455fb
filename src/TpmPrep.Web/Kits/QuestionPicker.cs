using TpmPrep.Content.Model;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Kits;

/// <summary>What the hiring manager searches the banks with; every part optional.</summary>
public sealed record QuestionFilter(string? Text, string? Bank, string? Skill, string? Level, string? Kind, int? MaxMinutes)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrEmpty(Bank) && string.IsNullOrEmpty(Skill)
        && string.IsNullOrEmpty(Level) && string.IsNullOrEmpty(Kind) && MaxMinutes is null;
}

/// <summary>Searches the banks' questions for a kit: words of the title or the bank's title, and filters; in bank order, paged.</summary>
public static class QuestionPicker
{
    /// <summary>Longer search text is cut here: no title is longer.</summary>
    public const int MaxTextLength = 160;

    public static Paged<Question> Find(ContentCatalogue catalogue, QuestionFilter filter, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(filter);
        var text = filter.Text?.Trim() ?? string.Empty;
        var words = (text.Length > MaxTextLength ? text[..MaxTextLength] : text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(12).ToList();
        var matches = new List<Question>();
        foreach (var bank in catalogue.Banks)
        {
            if (!string.IsNullOrEmpty(filter.Bank) && bank.Id != filter.Bank)
            {
                continue;
            }

            foreach (var question in bank.Questions)
            {
                if ((string.IsNullOrEmpty(filter.Skill) || question.Skills.Contains(filter.Skill))
                    && (string.IsNullOrEmpty(filter.Level) || question.LevelId == filter.Level)
                    && (string.IsNullOrEmpty(filter.Kind) || question.Kind == filter.Kind)
                    && (filter.MaxMinutes is not { } max || question.Minutes <= max)
                    && words.All(w => question.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || bank.Title.Contains(w, StringComparison.OrdinalIgnoreCase)
                        || question.Id.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    matches.Add(question);
                }
            }
        }

        var pages = Math.Max(1, (matches.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        return new Paged<Question>(matches.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matches.Count, page, pageSize);
    }
}
