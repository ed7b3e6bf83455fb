using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Assessments;

/// <summary>
/// Takes, saves and scores skills self-assessments. Every read and write asks <see cref="RecordAccess"/>: an
/// assessment the viewer may not see behaves as one that does not exist.
/// </summary>
public sealed class AssessmentService(AppDbContext db, TimeProvider clock, RecordAccess access, QuestionSource questions)
{
    public const int RecommendationsPerArea = 3;

    /// <summary>Starts an assessment against a level, or retargets the unfinished one so nothing typed is lost.</summary>
    public async Task<int?> StartAsync(Viewer viewer, string userId, string levelId, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        await access.DemandAsync(viewer, userId, RecordKind.Assessment, AccessAction.Write, cancellationToken);
        if (catalogue.FindLevel(levelId) is null)
        {
            return null;
        }

        // The database holds at most one in progress per person: of two starts at once, the second finds the first.
        return await db.RetryOnLostRaceAsync<int?>(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var unfinished = await db.Assessments.Where(a => a.UserId == userId && a.CompletedUtc == null).OrderByDescending(a => a.UpdatedUtc).FirstOrDefaultAsync(cancellationToken);
            if (unfinished is null)
            {
                unfinished = new Assessment { UserId = userId, StartedUtc = now };
                db.Assessments.Add(unfinished);
            }

            unfinished.TargetLevelId = levelId;
            unfinished.UpdatedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            return unfinished.Id;
        });
    }

    public async Task<AssessmentInProgress?> FindAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.Id, a.UserId, a.TargetLevelId, a.StartedUtc, a.UpdatedUtc, a.CompletedUtc, Ratings = a.Ratings.Select(r => new { r.IndicatorId, r.Rating }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return assessment is null || !await access.AllowsAsync(viewer, assessment.UserId, RecordKind.Assessment, AccessAction.Read, cancellationToken)
            ? null
            : new AssessmentInProgress(assessment.Id, assessment.TargetLevelId, assessment.StartedUtc, assessment.UpdatedUtc, assessment.CompletedUtc is not null,
                assessment.Ratings.ToDictionary(r => r.IndicatorId, r => r.Rating, StringComparer.Ordinal));
    }

    /// <summary>The assessment in progress (the most recently touched, should there ever be two).</summary>
    public async Task<int?> FindUnfinishedIdAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Assessment, AccessAction.Read, cancellationToken);
        return await db.Assessments.AsNoTracking()
            .Where(a => a.UserId == userId && a.CompletedUtc == null)
            .OrderByDescending(a => a.UpdatedUtc).ThenByDescending(a => a.Id)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Deletes one assessment with its ratings and scores; false when the viewer has no such assessment to delete.</summary>
    public Task<bool> DeleteAsync(Viewer viewer, int id, CancellationToken cancellationToken) =>
        // The database removes what belongs to it (cascading foreign keys) in the same statement.
        access.DeleteAsync(viewer, db.Assessments.Where(a => a.Id == id), a => a.UserId, RecordKind.Assessment, cancellationToken);

    /// <summary>
    /// Saves ratings (indicator id to "1".."5" or "n" for not yet observed). Every value is checked before
    /// anything is written, so a forged id or an out-of-scale rating changes nothing.
    /// </summary>
    public async Task<SaveResult> SaveRatingsAsync(Viewer viewer, int id, IReadOnlyDictionary<string, string> ratings, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(catalogue);
        var indicators = catalogue.Skills.SelectMany(s => s.Indicators).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var errors = new List<string>();
        var parsed = new Dictionary<string, (string SkillId, int? Rating)>(StringComparer.Ordinal);
        foreach (var (indicatorId, value) in ratings)
        {
            if (!indicators.TryGetValue(indicatorId, out var indicator))
            {
                errors.Add($"There is no indicator '{Truncate(indicatorId)}' in the skill model.");
            }
            else if (TryParseRating(value, out var rating))
            {
                parsed[indicatorId] = (indicator.SkillId, rating);
            }
            else
            {
                errors.Add($"\"{indicator.Statement}\": choose a level from 1 to 5 or \"Not yet observed\".");
            }
        }

        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, errors);
        }

        // Autosave of the last rating and "Finish" may insert the same rating at once: the loser is applied again on top.
        return await db.RetryOnLostRaceAsync(async () =>
        {
            var assessment = await WritableAsync(viewer, id, cancellationToken);
            if (assessment is null)
            {
                return new SaveResult(SaveOutcome.NotFound, []);
            }

            if (assessment.CompletedUtc is not null)
            {
                return new SaveResult(SaveOutcome.Completed, ["This assessment is complete; start a new one to rate yourself again."]);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (indicatorId, (skillId, rating)) in parsed)
            {
                var row = assessment.Ratings.FirstOrDefault(r => r.IndicatorId == indicatorId);
                if (row is null)
                {
                    assessment.Ratings.Add(new AssessmentRating { IndicatorId = indicatorId, SkillId = skillId, Rating = rating, UpdatedUtc = now });
                }
                else
                {
                    row.Rating = rating;
                    row.UpdatedUtc = now;
                }
            }

            assessment.UpdatedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        });
    }

    /// <summary>Completes the assessment when every indicator of the current skill model has an answer.</summary>
    public async Task<SaveResult> CompleteAsync(Viewer viewer, int id, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var assessment = await WritableAsync(viewer, id, cancellationToken);
        if (assessment is null)
        {
            return new SaveResult(SaveOutcome.NotFound, []);
        }

        if (assessment.CompletedUtc is not null)
        {
            return SaveResult.Ok;
        }

        var ratings = assessment.Ratings.ToDictionary(r => r.IndicatorId, r => r.Rating, StringComparer.Ordinal);
        var missing = catalogue.Skills
            .Select(s => (Skill: s, Missing: s.Indicators.Count(i => !ratings.ContainsKey(i.Id))))
            .Where(x => x.Missing > 0)
            .Select(x => $"{x.Skill.Title}: {x.Missing} statement{(x.Missing == 1 ? "" : "s")} still to rate.")
            .ToList();
        if (missing.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, missing);
        }

        var snapshot = SkillModelSnapshot.From(catalogue);
        var targets = snapshot.FindLevel(assessment.TargetLevelId)?.Targets ?? new Dictionary<string, int>();
        assessment.ModelSnapshot = snapshot.ToJson();
        assessment.AreaScores = snapshot.Areas
            .Select(area => new AssessmentAreaScore
            {
                SkillId = area.Id,
                Score = AssessmentScoring.AreaScore(area.Indicators.Select(i => ratings.GetValueOrDefault(i.Id)).ToList()),
                Target = targets.GetValueOrDefault(area.Id),
            })
            .ToList();
        assessment.CompletedUtc = clock.GetUtcNow().UtcDateTime;
        assessment.UpdatedUtc = assessment.CompletedUtc.Value;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }

    public async Task<IReadOnlyList<AssessmentSummary>> HistoryAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Assessment, AccessAction.Read, cancellationToken);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.UserId == userId && a.CompletedUtc != null)
            .OrderBy(a => a.CompletedUtc)
            .Select(a => new { a.Id, a.TargetLevelId, a.StartedUtc, a.CompletedUtc, Scores = a.AreaScores.Select(s => new { s.SkillId, s.Score }).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AssessmentSummary(r.Id, r.TargetLevelId, r.StartedUtc, r.CompletedUtc, r.Scores.ToDictionary(s => s.SkillId, s => s.Score, StringComparer.Ordinal))).ToList();
    }

    /// <summary>
    /// The results of a completed assessment, scored against the model it was taken with; null when there is
    /// no such completed assessment, and <see cref="AssessmentResult.Unreadable"/> when its stored model is damaged.
    /// </summary>
    public async Task<AssessmentResult?> ResultAsync(Viewer viewer, int id, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var assessment = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == id && a.CompletedUtc != null)
            .Select(a => new { a.Id, a.UserId, a.TargetLevelId, a.CompletedUtc, a.ModelSnapshot, Ratings = a.Ratings.Select(r => new { r.IndicatorId, r.Rating }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (assessment is null || !await access.AllowsAsync(viewer, assessment.UserId, RecordKind.Assessment, AccessAction.Read, cancellationToken))
        {
            return null;
        }

        var userId = assessment.UserId;
        if (SkillModelSnapshot.TryParse(assessment.ModelSnapshot) is not { } model)
        {
            return AssessmentResult.Unreadable(assessment.Id, assessment.TargetLevelId, assessment.CompletedUtc!.Value);
        }

        var ratings = assessment.Ratings.ToDictionary(r => r.IndicatorId, r => r.Rating, StringComparer.Ordinal);
        var targetLevel = model.FindLevel(assessment.TargetLevelId);
        var areas = model.Areas
            .Select(a => AssessmentScoring.Area(a.Id, a.Indicators.Select(i => ratings.GetValueOrDefault(i.Id)).ToList(), targetLevel?.Targets.GetValueOrDefault(a.Id) ?? 0))
            .ToList();
        var scores = areas.ToDictionary(a => a.SkillId, a => a.Score, StringComparer.Ordinal);
        var readiness = model.Levels.Select(l => AssessmentScoring.ForLevel(l.Id, scores, l.Targets)).ToList();
        var strengths = model.Areas
            .SelectMany(a => a.Indicators.Select(i => new StrengthIndicator(a.Id, i.Statement, ratings.GetValueOrDefault(i.Id) ?? 0)))
            .Where(s => s.Rating >= 4)
            .GroupBy(s => s.SkillId)
            .SelectMany(g => g.OrderByDescending(s => s.Rating).Select((s, rank) => (s, rank)))
            .OrderBy(x => x.rank) // the best of each area before the second best of any
            .ThenByDescending(x => x.s.Rating)
            .Select(x => x.s)
            .Take(6)
            .ToList();

        var history = await HistoryAsync(viewer, userId, cancellationToken);
        var index = history.ToList().FindIndex(h => h.Id == id);
        var previous = index > 0 ? history[index - 1] : null;

        var evidence = await EvidenceAsync(userId, cancellationToken);
        var calibration = areas.Select(a => AssessmentScoring.Calibrate(a.SkillId, a.Score, evidence.GetValueOrDefault(a.SkillId) ?? [])).ToList();
        var recommendations = await RecommendAsync(userId, areas, assessment.TargetLevelId, catalogue, cancellationToken);

        return new AssessmentResult(assessment.Id, assessment.TargetLevelId, assessment.CompletedUtc!.Value, model, areas, readiness, calibration, strengths, previous, history, recommendations);
    }

    /// <summary>Average rubric score of the latest graded attempt at each question, grouped by the question's skill areas.</summary>
    private async Task<Dictionary<string, List<double>>> EvidenceAsync(string userId, CancellationToken cancellationToken)
    {
        var graded = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.AverageScore != null)
            .Select(a => new { a.QuestionId, a.GradedUtc, a.AverageScore })
            .ToListAsync(cancellationToken);
        var evidence = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var answered = await questions.FindManyAsync(graded.Select(a => a.QuestionId), cancellationToken);
        foreach (var latest in graded.GroupBy(a => a.QuestionId).Select(g => g.MaxBy(a => a.GradedUtc)!))
        {
            foreach (var skill in answered.GetValueOrDefault(latest.QuestionId)?.Skills ?? [])
            {
                if (!evidence.TryGetValue(skill, out var list))
                {
                    evidence[skill] = list = [];
                }

                list.Add(latest.AverageScore!.Value);
            }
        }

        return evidence;
    }

    /// <summary>For every area below target: questions whose primary area it is, at or below the target level, not yet attempted first.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<RecommendedQuestion>>> RecommendAsync(
        string userId, IReadOnlyList<AreaResult> areas, string targetLevelId, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        var attempted = (await db.Attempts.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var levelOrder = catalogue.Levels.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var target = levelOrder.GetValueOrDefault(targetLevelId, levelOrder.Count - 1);
        var result = new Dictionary<string, IReadOnlyList<RecommendedQuestion>>(StringComparer.Ordinal);
        foreach (var area in areas.Where(a => a.Label != GapLabel.Met))
        {
            result[area.SkillId] = catalogue.Questions
                .Where(q => q.PrimarySkill == area.SkillId && levelOrder.GetValueOrDefault(q.LevelId, int.MaxValue) <= target)
                .OrderBy(q => attempted.Contains(q.Id))
                .ThenBy(q => Math.Abs(target - levelOrder[q.LevelId]))
                .ThenBy(q => q.Title, StringComparer.Ordinal)
                .Take(RecommendationsPerArea)
                .Select(q => new RecommendedQuestion(q.Id, q.Title, q.LevelId, attempted.Contains(q.Id)))
                .ToList();
        }

        return result;
    }

    /// <summary>The assessment with its ratings, tracked for a change, when the viewer may change it.</summary>
    private async Task<Assessment?> WritableAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.Include(a => a.Ratings).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assessment is not null && await access.AllowsAsync(viewer, assessment.UserId, RecordKind.Assessment, AccessAction.Write, cancellationToken) ? assessment : null;
    }

    private static bool TryParseRating(string? value, out int? rating)
    {
        rating = null;
        if (value is "n")
        {
            return true;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 5)
        {
            rating = number;
            return true;
        }

        return false;
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
