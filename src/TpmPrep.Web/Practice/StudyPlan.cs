namespace TpmPrep.Web.Practice;

/// <summary>How much a skill area needs work, 0 (at target) to 100 (nothing yet), and why.</summary>
public sealed record AreaNeed(string SkillId, string Title, double Need, string Reason);

/// <summary>A question the plan proposes.</summary>
public sealed record PlanQuestion(string Id, string Title, string SkillId, int Minutes);

/// <summary>One day of the plan: reviews to clear, questions to practise, and whether it is a mock-interview day.</summary>
public sealed record PlanDay(DateOnly Day, int Reviews, IReadOnlyList<PlanQuestion> Practice, bool MockInterview)
{
    public bool IsRest => Reviews == 0 && Practice.Count == 0 && !MockInterview;
}

/// <summary>
/// The plan to the interview date (or, without one, a steady week), with the areas it leans on. <see cref="Days"/>
/// starts today; <see cref="DaysLeft"/> counts the days before the interview (null without a date).
/// </summary>
public sealed record StudyPlan(IReadOnlyList<PlanDay> Days, int? DaysLeft, IReadOnlyList<AreaNeed> Focus, int ReviewsDue, bool Rhythm)
{
    public PlanDay Today => Days[0];
}

/// <summary>
/// Spreads the weakest skill areas and the reviews due over the days left. Each practice slot goes to the area whose
/// share of the slots so far is furthest below its share of the need (stride scheduling), so a big gap gets more
/// days without the others vanishing; the due reviews are cleared at most <c>reviewsPerDay</c> a day, overdue
/// first; a mock interview comes every seventh day counting back from the day before the interview. Without a date,
/// a week of rhythm: practice on Monday, Wednesday and Friday, reviews on Tuesday and Thursday, a mock on Saturday,
/// Sunday off.
/// </summary>
public static class StudyPlanner
{
    /// <summary>The plan never lists more days than this (a far date gets the next six weeks; it widens as the date nears).</summary>
    public const int MostDays = 42;

    /// <summary>A floor, so an area at target still comes round now and then.</summary>
    public const double LeastNeed = 5;

    public static StudyPlan Build(
        DateOnly today,
        DateOnly? interviewDate,
        IReadOnlyList<AreaNeed> areas,
        int reviewsDue,
        int reviewsPerDay,
        Func<string, IReadOnlyList<PlanQuestion>> questionsFor)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(questionsFor);
        reviewsPerDay = Math.Max(1, reviewsPerDay);
        var focus = areas.OrderByDescending(a => a.Need).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var picker = new Picker(focus, questionsFor);
        var remaining = Math.Max(0, reviewsDue);
        var days = new List<PlanDay>();
        if (interviewDate is { } date && date > today)
        {
            var daysLeft = date.DayNumber - today.DayNumber;
            var perDay = daysLeft <= 14 ? 2 : 1;
            for (var i = 0; i < Math.Min(daysLeft, MostDays); i++)
            {
                var day = today.AddDays(i);
                var untilInterview = date.DayNumber - day.DayNumber;
                var mock = daysLeft >= 2 && untilInterview % 7 == 1;
                var reviews = Math.Min(reviewsPerDay, remaining);
                remaining -= reviews;
                days.Add(new PlanDay(day, reviews, mock ? [] : picker.Take(perDay), mock));
            }

            return new StudyPlan(days, daysLeft, focus, reviewsDue, Rhythm: false);
        }

        for (var i = 0; i < 7; i++)
        {
            var day = today.AddDays(i);
            var (practice, reviewDay, mock) = day.DayOfWeek switch
            {
                DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday => (2, false, false),
                DayOfWeek.Tuesday or DayOfWeek.Thursday => (0, true, false),
                DayOfWeek.Saturday => (0, false, true),
                _ => (0, false, false),
            };
            var reviews = reviewDay || (i == 0 && remaining > 0 && practice == 0 && !mock) ? Math.Min(reviewsPerDay, remaining) : 0;
            remaining -= reviews;
            days.Add(new PlanDay(day, reviews, picker.Take(practice), mock));
        }

        return new StudyPlan(days, null, focus, reviewsDue, Rhythm: true);
    }

    private sealed class Picker(IReadOnlyList<AreaNeed> areas, Func<string, IReadOnlyList<PlanQuestion>> questionsFor)
    {
        private readonly Dictionary<string, int> _given = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);
        private readonly double _total = areas.Sum(a => Math.Max(LeastNeed, a.Need));
        private int _slots;

        public List<PlanQuestion> Take(int count)
        {
            var chosen = new List<PlanQuestion>();
            for (var n = 0; n < count && areas.Count > 0; n++)
            {
                _slots++;
                // The area furthest behind its share, among those with a question left.
                var ranked = areas
                    .Select(a => (Area: a, Behind: (_slots * Math.Max(LeastNeed, a.Need) / _total) - _given.GetValueOrDefault(a.SkillId)))
                    .OrderByDescending(x => x.Behind).ThenByDescending(x => x.Area.Need).ThenBy(x => x.Area.Title, StringComparer.Ordinal);
                foreach (var (area, _) in ranked)
                {
                    if (Next(area.SkillId) is { } question)
                    {
                        _given[area.SkillId] = _given.GetValueOrDefault(area.SkillId) + 1;
                        chosen.Add(question);
                        break;
                    }
                }
            }

            return chosen;
        }

        private PlanQuestion? Next(string skillId)
        {
            var list = questionsFor(skillId);
            var at = _next.GetValueOrDefault(skillId);
            while (at < list.Count && _used.Contains(list[at].Id))
            {
                at++;
            }

            _next[skillId] = at + 1;
            if (at >= list.Count)
            {
                return null;
            }

            _used.Add(list[at].Id);
            return list[at];
        }
    }
}
