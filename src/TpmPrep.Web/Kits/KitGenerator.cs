using TpmPrep.Content.Model;

namespace TpmPrep.Web.Kits;

/// <summary>What to build a kit for: a level, the skill areas to cover, the minutes the interview has.</summary>
public sealed record KitRequest(string LevelId, IReadOnlyList<string> Focus, int BudgetMinutes, IReadOnlySet<string> Exclude, int Seed = 0);

/// <summary>The questions proposed, in the order to ask them, and what could not be met.</summary>
public sealed record KitProposal(IReadOnlyList<Question> Questions, IReadOnlyList<string> UncoveredAreas)
{
    public int Minutes => Questions.Sum(q => q.Minutes);
}

/// <summary>
/// Proposes a balanced kit: every focus area covered by at least one question, the total within the time budget, no
/// question the request excludes (those of the other interviews of the loop), questions at the target level before
/// those a level away, and the areas and kinds of question spread as evenly as the bank allows. Deterministic for a
/// seed, so "propose again" with another seed offers another kit.
/// </summary>
public static class KitGenerator
{
    /// <summary>An interview is a handful of questions; past this a kit is a question bank.</summary>
    public const int MaxQuestions = 8;

    public static KitProposal Propose(IEnumerable<Question> pool, IReadOnlyList<Level> levels, KitRequest request)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(request);
        var focus = request.Focus.Distinct(StringComparer.Ordinal).ToList();
        var target = IndexOf(levels, request.LevelId);
        var candidates = pool
            .Where(q => !request.Exclude.Contains(q.Id) && q.Minutes <= request.BudgetMinutes && q.Skills.Any(focus.Contains))
            .Select(q => new Candidate(q, Math.Abs(IndexOf(levels, q.LevelId) - target), Tiebreak(request.Seed, q.Id)))
            .Where(c => c.LevelDistance <= 1)
            .ToList();

        var picked = new List<Candidate>();
        var perArea = focus.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaining = request.BudgetMinutes;

        // First every focus area once, the area with the fewest questions to choose from first; then fill the time
        // left, each time for the area with the fewest questions so far.
        while (picked.Count < MaxQuestions)
        {
            var uncovered = perArea.Where(p => p.Value == 0).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var fewest = perArea.Values.DefaultIfEmpty(0).Min();
            var best = candidates
                .Where(c => c.Question.Minutes <= remaining && !picked.Contains(c))
                .Where(c => uncovered.Count == 0 || c.Question.Skills.Any(uncovered.Contains))
                .OrderByDescending(c => Score(c, uncovered, perArea, fewest, kinds))
                .ThenBy(c => c.Tiebreak)
                .FirstOrDefault();
            if (best is null)
            {
                if (uncovered.Count > 0 && candidates.Any(c => !picked.Contains(c) && c.Question.Minutes <= remaining))
                {
                    // No question left for the uncovered areas fits: stop chasing them and fill the time with the rest.
                    foreach (var area in uncovered)
                    {
                        perArea[area] = int.MaxValue / 2;
                    }

                    continue;
                }

                break;
            }

            picked.Add(best);
            remaining -= best.Question.Minutes;
            kinds[best.Question.Kind] = kinds.GetValueOrDefault(best.Question.Kind) + 1;
            foreach (var area in best.Question.Skills.Where(perArea.ContainsKey))
            {
                perArea[area]++;
            }
        }

        var covered = picked.SelectMany(c => c.Question.Skills).ToHashSet(StringComparer.Ordinal);
        return new KitProposal(picked.Select(c => c.Question).ToList(), focus.Where(f => !covered.Contains(f)).ToList());
    }

    private static int Score(Candidate candidate, HashSet<string> uncovered, Dictionary<string, int> perArea, int fewest, Dictionary<string, int> kinds)
    {
        var question = candidate.Question;
        var score = 100 * question.Skills.Count(uncovered.Contains);
        score += 20 * question.Skills.Count(s => perArea.TryGetValue(s, out var n) && n == fewest);
        score -= 40 * candidate.LevelDistance;
        score -= 8 * kinds.GetValueOrDefault(question.Kind);
        return score;
    }

    private static int IndexOf(IReadOnlyList<Level> levels, string levelId)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].Id == levelId)
            {
                return i;
            }
        }

        return levels.Count;
    }

    /// <summary>A stable order for equally good questions, different for each seed (string.GetHashCode is not stable across runs).</summary>
    private static uint Tiebreak(int seed, string id)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private sealed record Candidate(Question Question, int LevelDistance, uint Tiebreak);
}
