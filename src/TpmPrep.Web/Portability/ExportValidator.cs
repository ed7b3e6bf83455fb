using TpmPrep.Web.Data;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Portability;

/// <summary>Checks an export before import: every problem named with where it is, at most 20 of them.</summary>
public static class ExportValidator
{
    private const int MaxErrors = 20;

    public static IReadOnlyList<string> Validate(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok && errors.Count < MaxErrors)
            {
                errors.Add(message);
            }
        }

        if (document.Format != ExportDocument.FormatName)
        {
            return ["This is not a TpmPrep export: \"format\" should be \"tpmprep-export\"."];
        }

        if (document.Version != ExportDocument.CurrentVersion)
        {
            return [$"This export is version {document.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"}; this TpmPrep reads version {ExportDocument.CurrentVersion}."];
        }

        var total = (document.Attempts?.Count ?? 0) + (document.ReviewSchedules?.Count ?? 0) + (document.Assessments?.Count ?? 0) + (document.Sessions?.Count ?? 0);
        if (total > DataPortability.MaxImportRecords)
        {
            return [$"This export holds {total:N0} records; an import takes at most {DataPortability.MaxImportRecords:N0}."];
        }

        var refs = new HashSet<int>();
        for (var i = 0; i < (document.Attempts?.Count ?? 0); i++)
        {
            var a = document.Attempts![i];
            var at = $"attempts[{i}]";
            Check(a is not null, $"{at}: empty record.");
            if (a is null)
            {
                continue;
            }

            Check(IsId(a.QuestionId), $"{at}.questionId: missing or not an id.");
            Check(!string.IsNullOrWhiteSpace(a.Answer), $"{at}.answer: missing.");
            Check((a.Answer?.Length ?? 0) <= AnswerLimits.MaxLength, $"{at}.answer: longer than {AnswerLimits.MaxLength:N0} characters.");
            Check((a.Notes?.Length ?? 0) <= AnswerLimits.MaxNotesLength, $"{at}.notes: longer than {AnswerLimits.MaxNotesLength:N0} characters.");
            Check((a.QuestionTitle?.Length ?? 0) <= 200 && (a.BankId?.Length ?? 0) <= 80 && (a.QuestionTextHash?.Length ?? 0) <= 64, $"{at}: a title, bank id or hash is too long.");
            Check(a.CreatedUtc is not null, $"{at}.createdUtc: missing.");
            Check(a.TimeTakenSeconds is null or >= 0 and <= AnswerLimits.MaxTimeTakenSeconds, $"{at}.timeTakenSeconds: must be 0 to {AnswerLimits.MaxTimeTakenSeconds}.");
            Check(a.Ref is null || refs.Add(a.Ref.Value), $"{at}.ref: used twice.");
            var scores = a.Scores ?? [];
            Check(scores.Count <= 20, $"{at}.scores: more than 20 criteria.");
            Check(scores.All(s => s is { Score: >= AnswerLimits.MinScore and <= AnswerLimits.MaxScore, CriterionIndex: >= 0 and < 20 }), $"{at}.scores: every score needs a criterionIndex (0-19) and a score from 1 to 4.");
            Check(scores.Select(s => s?.CriterionIndex).Distinct().Count() == scores.Count, $"{at}.scores: a criterion is graded twice.");
            Check(scores.All(s => (s?.Criterion?.Length ?? 0) <= 200), $"{at}.scores: a criterion name is longer than 200 characters.");
        }

        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (document.ReviewSchedules?.Count ?? 0); i++)
        {
            var r = document.ReviewSchedules![i];
            var at = $"reviewSchedules[{i}]";
            Check(r is not null && IsId(r.QuestionId), $"{at}.questionId: missing or not an id.");
            Check(r?.DueUtc is not null, $"{at}.dueUtc: missing.");
            Check(r?.EaseFactor is null or >= 1.3 and <= 5, $"{at}.easeFactor: must be 1.3 to 5.");
            Check(r?.IntervalDays is null or >= 0 and <= 36500, $"{at}.intervalDays: must be 0 to 36,500.");
            Check(r?.QuestionId is null || scheduled.Add(r.QuestionId), $"{at}.questionId: scheduled twice.");
        }

        for (var i = 0; i < (document.Assessments?.Count ?? 0); i++)
        {
            var a = document.Assessments![i];
            var at = $"assessments[{i}]";
            Check(a is not null && IsId(a.TargetLevelId), $"{at}.targetLevelId: missing or not an id.");
            Check(a?.StartedUtc is not null, $"{at}.startedUtc: missing.");
            Check(a?.CompletedUtc is null || a.ModelSnapshot is not null, $"{at}.modelSnapshot: a completed assessment needs the model it was scored against.");
            Check((a?.ModelSnapshot?.Length ?? 0) <= 1_000_000, $"{at}.modelSnapshot: too large.");
            Check((a?.Ratings ?? []).All(r => r is not null && IsId(r.IndicatorId) && r.Rating is null or >= 1 and <= 5), $"{at}.ratings: every rating needs an indicatorId and a rating from 1 to 5 (or null for not yet observed).");
            Check((a?.Ratings ?? []).Select(r => r?.IndicatorId).Distinct().Count() == (a?.Ratings?.Count ?? 0), $"{at}.ratings: an indicator is rated twice.");
            Check((a?.AreaScores ?? []).All(s => s is not null && IsId(s.SkillId) && s.Score is >= 0 and <= 100), $"{at}.areaScores: every score needs a skillId and a score from 0 to 100.");
            Check((a?.AreaScores ?? []).Select(s => s?.SkillId).Distinct().Count() == (a?.AreaScores?.Count ?? 0), $"{at}.areaScores: a skill area is scored twice.");
        }

        for (var i = 0; i < (document.Sessions?.Count ?? 0); i++)
        {
            var s = document.Sessions![i];
            var at = $"sessions[{i}]";
            Check(s is not null && Enum.TryParse<SessionMode>(s.Mode, out _), $"{at}.mode: must be Practice or MockInterview.");
            Check(s?.CreatedUtc is not null, $"{at}.createdUtc: missing.");
            Check((s?.Description?.Length ?? 0) <= 300, $"{at}.description: longer than 300 characters.");
            Check((s?.Items ?? []).All(item => item is not null && item.Position is >= 1 and <= 100 && IsId(item.QuestionId)), $"{at}.items: every item needs a position (1-100) and a questionId.");
            Check((s?.Items ?? []).Select(item => item?.Position).Distinct().Count() == (s?.Items?.Count ?? 0), $"{at}.items: two items share a position.");
            Check((s?.Items ?? []).All(item => item?.AttemptRef is null || refs.Contains(item.AttemptRef.Value)), $"{at}.items: an attemptRef points at no attempt in the file.");
        }

        return errors;
    }

    private static bool IsId(string? value) => value is { Length: > 0 and <= 80 } && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
