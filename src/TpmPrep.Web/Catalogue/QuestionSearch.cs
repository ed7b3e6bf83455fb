using System.Runtime.CompilerServices;
using System.Text;
using TpmPrep.Content.Model;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Catalogue;

/// <summary>What a search asks for: words to find (all of them) and filters; every part optional.</summary>
public sealed record SearchRequest(string? Query, string? Bank = null, string? Skill = null, string? Level = null, string? Kind = null);

/// <summary>
/// The matching questions, best first, with what was searched for: the words actually used and, when the query was
/// cut to the limits, a sentence that says so.
/// </summary>
public sealed record SearchResult(IReadOnlyList<Question> Questions, IReadOnlyList<string> Terms, string? Notice);

/// <summary>
/// Finds bank questions by their words (title, prompt, skill areas, kind, level, bank) and filters. The text searched
/// is built once per catalogue, on the first search after a load, and kept as lower-case UTF-8 beside it, so a search
/// is a scan of bytes: no parsing or rendering at request time, and a reload brings a new index with the new catalogue.
/// </summary>
public sealed class QuestionSearch(CatalogueProvider catalogue)
{
    /// <summary>Longer queries are cut here, and the page says so.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Words past this many are left out, and the page says so.</summary>
    public const int MaxTerms = 8;

    private static readonly ConditionalWeakTable<ContentCatalogue, SearchIndex> Indexes = new();

    public ContentCatalogue Catalogue => catalogue.Current;

    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = catalogue.Current;
        var index = Indexes.GetValue(current, SearchIndex.Build);
        var (terms, notice) = Terms(request.Query);
        var encoded = terms.Select(t => Encoding.UTF8.GetBytes(t)).ToArray();
        var found = new List<(Question Question, int Score, int Order)>();
        for (var i = 0; i < index.Entries.Length; i++)
        {
            var entry = index.Entries[i];
            var question = entry.Question;
            if ((!string.IsNullOrEmpty(request.Bank) && question.BankId != request.Bank)
                || (!string.IsNullOrEmpty(request.Skill) && !question.Skills.Contains(request.Skill))
                || (!string.IsNullOrEmpty(request.Level) && question.LevelId != request.Level)
                || (!string.IsNullOrEmpty(request.Kind) && question.Kind != request.Kind))
            {
                continue;
            }

            var score = 0;
            foreach (var term in encoded)
            {
                var termScore = Score(entry, term);
                if (termScore == 0)
                {
                    score = -1;
                    break;
                }

                score += termScore;
            }

            if (score >= 0)
            {
                found.Add((question, score, i));
            }
        }

        // Best first; among equals, the banks' own order, so a search with no words lists the library as it is.
        found.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
        return new SearchResult(found.Select(f => f.Question).ToList(), terms, notice);
    }

    /// <summary>The words of a query, lower-cased, without repeats, within the limits; and what was cut, if anything.</summary>
    public static (IReadOnlyList<string> Terms, string? Notice) Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ([], null);
        }

        string? notice = null;
        var text = query;
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
            notice = $"Only the first {MaxQueryLength} characters of the search were used.";
        }

        var words = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var cleaned = word.Trim('"', '\'', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '“', '”', '‘', '’').ToLowerInvariant();
            if (cleaned.Length == 0 || words.Contains(cleaned, StringComparer.Ordinal))
            {
                continue;
            }

            if (words.Count == MaxTerms)
            {
                notice = $"Only the first {MaxTerms} words of the search were used.";
                break;
            }

            words.Add(cleaned);
        }

        return (words, notice);
    }

    /// <summary>3 for a word in the title, 2 for the labels (skill areas, kind, level, bank), 1 for the prompt, 0 for none.</summary>
    private static int Score(SearchIndex.Entry entry, byte[] term) =>
        entry.Title.AsSpan().IndexOf(term) >= 0 ? 3
        : entry.Labels.AsSpan().IndexOf(term) >= 0 ? 2
        : entry.Prompt.AsSpan().IndexOf(term) >= 0 ? 1
        : 0;

    private sealed class SearchIndex
    {
        public sealed record Entry(Question Question, byte[] Title, byte[] Labels, byte[] Prompt);

        public required Entry[] Entries { get; init; }

        public static SearchIndex Build(ContentCatalogue catalogue)
        {
            var entries = new List<Entry>(catalogue.QuestionCount);
            foreach (var bank in catalogue.Banks)
            {
                foreach (var question in bank.Questions)
                {
                    var labels = string.Join(' ', question.Skills.Select(s => catalogue.SkillTitle(s) + " " + s))
                        + " " + QuestionKinds.DisplayName(question.Kind) + " " + question.Kind
                        + " " + catalogue.LevelTitle(question.LevelId) + " " + question.LevelId + " " + bank.Title;
                    entries.Add(new Entry(question, Lower(question.Title + " " + question.Id), Lower(labels), Lower(PageDescription.PlainText(question.PromptHtml))));
                }
            }

            return new SearchIndex { Entries = [.. entries] };
        }

        private static byte[] Lower(string text) => Encoding.UTF8.GetBytes(text.ToLowerInvariant());
    }
}
