using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Plans;

/// <summary>What an interviewer typed on a scorecard: evidence per question, ratings per "question:criterion", per focus area, the recommendation.</summary>
public sealed record ScorecardInput(
    IReadOnlyDictionary<string, string> Evidence,
    IReadOnlyDictionary<string, int> Ratings,
    IReadOnlyDictionary<string, int> Areas,
    int? Recommendation,
    string Summary);

/// <summary>What the card holds for one question.</summary>
public sealed record CardQuestion(string Evidence, int[] Ratings)
{
    /// <summary>Ratings count only once there is evidence behind them.</summary>
    public bool Counts => !string.IsNullOrWhiteSpace(Evidence);
}

public sealed record ScorecardView(
    int Id,
    int Version,
    int PlanId,
    string PlanTitle,
    PlanCandidateView Candidate,
    PlanInterviewView Interview,
    KitView? Kit,
    string InterviewerId,
    string InterviewerName,
    bool Mine,
    DateTime? SubmittedUtc,
    DateTime? EditedAfterSubmitUtc,
    IReadOnlyDictionary<string, int> Areas,
    int? Recommendation,
    string Summary,
    IReadOnlyDictionary<string, CardQuestion> Questions);

/// <summary>One cell of the debrief: an interviewer's submitted card in one interview.</summary>
public sealed record DebriefCard(CardFigures Figures, PlanInterviewView Interview, DateTime SubmittedUtc, DateTime? EditedAfterSubmitUtc, string Summary);

public sealed record DebriefView(
    PlanView Plan,
    PlanCandidateView Candidate,
    bool Locked,
    IReadOnlyList<DebriefCard> Cards,
    IReadOnlyList<(PlanInterviewView Interview, PlanPerson Interviewer)> Missing,
    IReadOnlyList<string> Areas)
{
    public IReadOnlyDictionary<string, double> AreaMeans => DebriefMath.AreaMeans(Cards.Select(c => c.Figures));

    public double? Aggregate => DebriefMath.Aggregate(Cards.Select(c => c.Figures));

    public IReadOnlyList<string> DisagreeingAreas => DebriefMath.DisagreeingAreas(Cards.Select(c => c.Figures));

    public bool RecommendationsDisagree => DebriefMath.RecommendationsDisagree(Cards.Select(c => c.Figures));
}

/// <summary>
/// Scorecards and the debrief. The rule that keeps them independent is here, on the server: a card is read by its
/// author; by anyone else on the plan only once it is submitted, and by an interviewer on the panel only once they
/// have submitted every card they owe that candidate. The plan's owner off the panel reads cards as they arrive.
/// </summary>
public sealed class ScorecardService(AppDbContext db, PlanService plans, KitService kits, TimeProvider clock)
{
    /// <summary>The viewer's card for this candidate in this interview, created as a draft the first time; null when they do not run that interview.</summary>
    public async Task<int?> OpenAsync(Viewer viewer, int interviewId, int candidateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var runs = await db.PlanInterviewers.AsNoTracking().AnyAsync(x => x.InterviewId == interviewId && x.UserId == viewer.UserId, cancellationToken)
            && await db.PlanCandidates.AsNoTracking().AnyAsync(c => c.Id == candidateId && db.PlanInterviews.Any(i => i.Id == interviewId && i.PlanId == c.PlanId), cancellationToken);
        if (!runs)
        {
            return null;
        }

        var existing = await db.Scorecards.AsNoTracking().Where(s => s.InterviewId == interviewId && s.CandidateId == candidateId && s.InterviewerId == viewer.UserId)
            .Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var card = new Scorecard { InterviewId = interviewId, CandidateId = candidateId, InterviewerId = viewer.UserId, UpdatedUtc = Now(), Version = 1 };
        db.Scorecards.Add(card);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return card.Id;
        }
        catch (DbUpdateException)
        {
            // Opened in two tabs at once: the other one made it.
            db.ChangeTracker.Clear();
            return await db.Scorecards.AsNoTracking().Where(s => s.InterviewId == interviewId && s.CandidateId == candidateId && s.InterviewerId == viewer.UserId)
                .Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        }
    }

    public async Task<ScorecardView?> FindAsync(Viewer viewer, int cardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var card = await db.Scorecards.AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == cardId, cancellationToken);
        if (card is null)
        {
            return null;
        }

        var planId = await plans.PlanOfCandidateAsync(card.CandidateId, cancellationToken);
        var plan = planId is null ? null : await plans.FindAsync(viewer, planId.Value, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var mine = card.InterviewerId == viewer.UserId;
        if (!mine && (card.SubmittedUtc is null || !MayReadOthers(viewer, plan, card.CandidateId)))
        {
            return null;
        }

        var interview = plan.Interviews.Single(i => i.Id == card.InterviewId);
        var kit = interview.KitId is { } kitId ? await kits.ForPlanMemberAsync(kitId, cancellationToken) : null;
        var name = plan.Panel.FirstOrDefault(p => p.UserId == card.InterviewerId)?.Name
            ?? await db.Users.AsNoTracking().Where(u => u.Id == card.InterviewerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "former interviewer";
        return new ScorecardView(card.Id, card.Version, plan.Id, plan.Title, plan.Candidates.Single(c => c.Id == card.CandidateId), interview, kit, card.InterviewerId, name, mine,
            card.SubmittedUtc, card.EditedAfterSubmitUtc, ScorecardScales.ParseAreas(card.AreaScores), card.Recommendation, card.Summary,
            card.Questions.ToDictionary(q => q.QuestionId, q => new CardQuestion(q.Evidence, ScorecardScales.ParseRatings(q.Ratings)), StringComparer.Ordinal));
    }

    /// <summary>
    /// Saves the author's card (a draft, or after submitting: kept and marked as changed after); with <paramref name="submit"/>,
    /// checks it is complete and seals it. The problems, or none when saved; null when the viewer may not change the card.
    /// </summary>
    public async Task<IReadOnlyList<string>?> SaveAsync(Viewer viewer, int cardId, ScorecardInput input, int version, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        var view = await FindAsync(viewer, cardId, cancellationToken);
        if (view is null || !view.Mine)
        {
            return null;
        }

        var problems = Check(view, input, submit);
        if (problems.Count > 0)
        {
            return problems;
        }

        var card = await db.Scorecards.Include(s => s.Questions).SingleAsync(s => s.Id == cardId, cancellationToken);
        if (card.Version != version)
        {
            return ["This scorecard was saved from another tab since you opened it. What you typed is below: copy what you need, then reload."];
        }

        var now = Now();
        foreach (var question in view.Kit?.Questions ?? [])
        {
            var ratings = question.Rubric.Select((_, i) => input.Ratings.GetValueOrDefault(question.Id + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var evidence = input.Evidence.GetValueOrDefault(question.Id)?.Trim() ?? string.Empty;
            var row = card.Questions.FirstOrDefault(q => q.QuestionId == question.Id);
            if (row is null)
            {
                if (evidence.Length == 0 && ratings.All(r => r == 0))
                {
                    continue;
                }

                row = new ScorecardQuestion { QuestionId = question.Id };
                card.Questions.Add(row);
            }

            row.Evidence = evidence;
            row.Ratings = ScorecardScales.FormatRatings(ratings);
        }

        card.AreaScores = ScorecardScales.FormatAreas(view.Interview.Focus.Where(input.Areas.ContainsKey).Select(a => KeyValuePair.Create(a, input.Areas[a])));
        card.Recommendation = input.Recommendation;
        card.Summary = (input.Summary ?? string.Empty).Trim();
        card.UpdatedUtc = now;
        if (card.SubmittedUtc is not null)
        {
            card.EditedAfterSubmitUtc = now;
        }
        else if (submit)
        {
            card.SubmittedUtc = now;
        }

        card.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ["This scorecard was saved from another tab at the same moment; reload to see it."];
        }

        return [];
    }

    /// <summary>The problems with what was typed: forged or out-of-range values always; with <paramref name="submit"/>, anything missing.</summary>
    public static List<string> Check(ScorecardView view, ScorecardInput input, bool submit)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<string>();
        var questions = (view.Kit?.Questions ?? []).ToList();
        var criteria = questions.SelectMany(q => q.Rubric.Select((_, i) => (Key: q.Id + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Levels: q.RubricLevels)))
            .ToDictionary(c => c.Key, c => c.Levels, StringComparer.Ordinal);
        foreach (var (key, score) in input.Ratings)
        {
            if (!criteria.TryGetValue(key, out var levels))
            {
                problems.Add("A rating names a criterion this kit does not have.");
            }
            else if (score < 0 || score > levels)
            {
                problems.Add($"A rating must be from 1 to {levels}, or not assessed.");
            }
        }

        if (input.Evidence.Keys.Any(k => questions.All(q => q.Id != k)))
        {
            problems.Add("Evidence names a question this kit does not have.");
        }

        if (input.Evidence.Values.Any(e => (e ?? string.Empty).Length > PlanLimits.MaxNotesLength) || (input.Summary ?? string.Empty).Length > PlanLimits.MaxNotesLength)
        {
            problems.Add($"Evidence and notes are {PlanLimits.MaxNotesLength:N0} characters at most each.");
        }

        foreach (var (area, score) in input.Areas)
        {
            if (!view.Interview.Focus.Contains(area))
            {
                problems.Add("A rating names a skill area this interview does not focus on.");
            }
            else if (score is < ScorecardScales.AreaMin or > ScorecardScales.AreaMax)
            {
                problems.Add($"A skill area is rated from {ScorecardScales.AreaMin} to {ScorecardScales.AreaMax}.");
            }
        }

        if (input.Recommendation is { } r && r is < 1 or > 4)
        {
            problems.Add("Choose one of the four recommendations.");
        }

        if (problems.Count > 0 || !submit)
        {
            return problems.Distinct().ToList();
        }

        if (view.SubmittedUtc is not null)
        {
            return ["This scorecard was submitted already. Changes you save are kept and shown as made after submitting."];
        }

        for (var n = 0; n < questions.Count; n++)
        {
            var rated = questions[n].Rubric.Select((_, i) => input.Ratings.GetValueOrDefault(questions[n].Id + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Any(v => v > 0);
            if (rated && string.IsNullOrWhiteSpace(input.Evidence.GetValueOrDefault(questions[n].Id)))
            {
                problems.Add($"Question {n + 1}: write the evidence (what the candidate said or did) before its ratings can count.");
            }
        }

        foreach (var area in view.Interview.Focus.Where(a => !input.Areas.ContainsKey(a)))
        {
            problems.Add($"Rate {area}: every focus area needs a rating.");
        }

        if (input.Recommendation is null)
        {
            problems.Add("Choose your recommendation: strong no, no, yes or strong yes.");
        }

        return problems;
    }

    /// <summary>The debrief of one candidate; null when the viewer is not on the plan. Locked for a panel member who still owes a card.</summary>
    public async Task<DebriefView?> DebriefAsync(Viewer viewer, int candidateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var planId = await plans.PlanOfCandidateAsync(candidateId, cancellationToken);
        var plan = planId is null ? null : await plans.FindAsync(viewer, planId.Value, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var candidate = plan.Candidates.Single(c => c.Id == candidateId);
        var areas = plan.Interviews.SelectMany(i => i.Focus).Distinct(StringComparer.Ordinal).ToList();
        var submitted = await SubmittedAsync(plan, [candidateId], cancellationToken);
        if (!MayReadOthers(viewer, plan, candidateId))
        {
            return new DebriefView(plan, candidate, true, [], [], areas);
        }

        var missing = plan.Interviews.SelectMany(i => i.Interviewers.Select(p => (Interview: i, Interviewer: p)))
            .Where(x => !submitted.Any(c => c.Figures.InterviewId == x.Interview.Id && c.Figures.InterviewerId == x.Interviewer.UserId)).ToList();
        return new DebriefView(plan, candidate, false, submitted, missing, areas);
    }

    /// <summary>Every candidate of the plan the viewer may compare (all, for the owner off the panel), with their cards.</summary>
    public async Task<(PlanView Plan, IReadOnlyList<(PlanCandidateView Candidate, IReadOnlyList<DebriefCard> Cards)> Rows)?> CompareAsync(Viewer viewer, int planId, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(viewer, planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var readable = plan.Candidates.Where(c => MayReadOthers(viewer, plan, c.Id)).ToList();
        var cards = await SubmittedAsync(plan, readable.Select(c => c.Id).ToList(), cancellationToken);
        return (plan, readable.Select(c => (c, (IReadOnlyList<DebriefCard>)cards.Where(d => d.Figures.CandidateId == c.Id).ToList())).ToList());
    }

    /// <summary>
    /// The rule: the viewer's own cards always; others' once the viewer owes that candidate no card (a panel member who has
    /// submitted every interview they run), or at once for the plan's owner when off the panel.
    /// </summary>
    internal static bool MayReadOthers(Viewer viewer, PlanView plan, int candidateId)
    {
        var owed = plan.Interviews.Where(i => i.Interviewers.Any(p => p.UserId == viewer.UserId)).Select(i => i.Id).ToList();
        if (owed.Count == 0)
        {
            return plan.IsOwner;
        }

        return owed.All(interviewId => plan.Cards.Any(c => c.InterviewId == interviewId && c.CandidateId == candidateId && c.InterviewerId == viewer.UserId && c.Submitted));
    }

    private async Task<List<DebriefCard>> SubmittedAsync(PlanView plan, IReadOnlyCollection<int> candidateIds, CancellationToken cancellationToken)
    {
        var interviewIds = plan.Interviews.Select(i => i.Id).ToList();
        var ids = candidateIds.ToList();
        var rows = await db.Scorecards.AsNoTracking()
            .Where(s => interviewIds.Contains(s.InterviewId) && ids.Contains(s.CandidateId) && s.SubmittedUtc != null)
            .Select(s => new { s.Id, s.CandidateId, s.InterviewId, s.InterviewerId, s.AreaScores, s.Recommendation, s.SubmittedUtc, s.EditedAfterSubmitUtc, s.Summary, Name = db.Users.Where(u => u.Id == s.InterviewerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DebriefCard(
                new CardFigures(r.Id, r.CandidateId, r.InterviewId, r.InterviewerId, r.Name ?? "former interviewer", ScorecardScales.ParseAreas(r.AreaScores), r.Recommendation),
                plan.Interviews.Single(i => i.Id == r.InterviewId), r.SubmittedUtc!.Value, r.EditedAfterSubmitUtc, r.Summary))
            .OrderBy(c => c.Interview.Position).ThenBy(c => c.Figures.InterviewerName, StringComparer.CurrentCulture).ToList();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
