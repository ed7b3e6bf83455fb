namespace TpmPrep.Web.Plans;

/// <summary>The scales of a scorecard: focus areas rated 1 to 4 on the evidence heard; a recommendation with no neutral.</summary>
public static class ScorecardScales
{
    public const int AreaMin = 1;
    public const int AreaMax = 4;

    public static IReadOnlyList<(int Score, string Label)> Area { get; } =
        [(1, "No evidence"), (2, "Some evidence"), (3, "Clear evidence"), (4, "Strong evidence")];

    public static IReadOnlyList<(int Score, string Label)> Recommendation { get; } =
        [(1, "Strong no"), (2, "No"), (3, "Yes"), (4, "Strong yes")];

    public static string RecommendationLabel(int? score) => score is { } s && s is >= 1 and <= 4 ? Recommendation[s - 1].Label : "none";

    public static string AreaLabel(int score) => score is >= AreaMin and <= AreaMax ? Area[score - 1].Label : "not rated";

    /// <summary>Reads "area=score;area=score", keeping only well-formed pairs on the scale.</summary>
    public static Dictionary<string, int> ParseAreas(string text)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= AreaMin and <= AreaMax)
            {
                result[parts[0]] = score;
            }
        }

        return result;
    }

    public static string FormatAreas(IEnumerable<KeyValuePair<string, int>> areas) =>
        string.Join(';', areas.Select(a => a.Key + "=" + a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Reads "3,0,2": one rating per criterion, 0 for not assessed.</summary>
    public static int[] ParseRatings(string text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => int.TryParse(r, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();

    public static string FormatRatings(IEnumerable<int> ratings) => string.Join(',', ratings.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>One submitted scorecard as the debrief counts it.</summary>
public sealed record CardFigures(int CardId, int CandidateId, int InterviewId, string InterviewerId, string InterviewerName, IReadOnlyDictionary<string, int> Areas, int? Recommendation);

/// <summary>How one interviewer's ratings sit against the panel's on the same candidates and areas.</summary>
/// <param name="Compared">Ratings that another interviewer also gave (same candidate, same area).</param>
/// <param name="Leniency">Their rating minus the others' mean, averaged: above 0 kinder than the panel, below 0 harsher.</param>
/// <param name="Spread">The standard deviation of all their area ratings: near 0, everyone gets the same score.</param>
public sealed record InterviewerCalibration(string InterviewerId, string Name, int Ratings, int Compared, double? Leniency, double? Spread, double? MeanRecommendation);

/// <summary>
/// The mechanical part of a debrief: the mean rating per focus area, an aggregate (the mean of the area means), where the
/// panel disagrees by two points or more, and each interviewer's calibration against the others. Never a decision: the
/// debrief shows these beside the interviewers' own recommendations.
/// </summary>
public static class DebriefMath
{
    public const int DisagreementPoints = 2;

    public static IReadOnlyDictionary<string, double> AreaMeans(IEnumerable<CardFigures> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return cards.SelectMany(c => c.Areas).GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(a => a.Value), StringComparer.Ordinal);
    }

    /// <summary>The mean of the area means (each area counts once, however many interviews rated it); null with no rating.</summary>
    public static double? Aggregate(IEnumerable<CardFigures> cards)
    {
        var means = AreaMeans(cards);
        return means.Count == 0 ? null : means.Values.Average();
    }

    /// <summary>The areas whose ratings differ by <see cref="DisagreementPoints"/> or more between two interviewers.</summary>
    public static IReadOnlyList<string> DisagreeingAreas(IEnumerable<CardFigures> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return cards.SelectMany(c => c.Areas).GroupBy(a => a.Key, StringComparer.Ordinal)
            .Where(g => g.Max(a => a.Value) - g.Min(a => a.Value) >= DisagreementPoints).Select(g => g.Key).ToList();
    }

    /// <summary>True when two recommendations are two steps or more apart (a "no" and a "strong yes", say).</summary>
    public static bool RecommendationsDisagree(IEnumerable<CardFigures> cards)
    {
        var recommendations = cards.Where(c => c.Recommendation is not null).Select(c => c.Recommendation!.Value).ToList();
        return recommendations.Count > 1 && recommendations.Max() - recommendations.Min() >= DisagreementPoints;
    }

    public static IReadOnlyList<InterviewerCalibration> Calibrate(IReadOnlyCollection<CardFigures> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var result = new List<InterviewerCalibration>();
        foreach (var mine in cards.GroupBy(c => c.InterviewerId, StringComparer.Ordinal))
        {
            var ratings = mine.SelectMany(c => c.Areas.Values).Select(v => (double)v).ToList();
            var differences = new List<double>();
            foreach (var card in mine)
            {
                foreach (var (area, score) in card.Areas)
                {
                    var others = cards.Where(o => o.CandidateId == card.CandidateId && o.InterviewerId != card.InterviewerId && o.Areas.ContainsKey(area))
                        .Select(o => (double)o.Areas[area]).ToList();
                    if (others.Count > 0)
                    {
                        differences.Add(score - others.Average());
                    }
                }
            }

            var recommendations = mine.Where(c => c.Recommendation is not null).Select(c => (double)c.Recommendation!.Value).ToList();
            result.Add(new InterviewerCalibration(
                mine.Key,
                mine.First().InterviewerName,
                ratings.Count,
                differences.Count,
                differences.Count == 0 ? null : differences.Average(),
                ratings.Count == 0 ? null : Math.Sqrt(ratings.Average(r => Math.Pow(r - ratings.Average(), 2))),
                recommendations.Count == 0 ? null : recommendations.Average()));
        }

        return result.OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }
}
