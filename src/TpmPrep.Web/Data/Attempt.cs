namespace TpmPrep.Web.Data;

/// <summary>One answer a user gave to a question, and the grades they gave themselves for it.</summary>
public sealed class Attempt
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    public string BankId { get; set; } = string.Empty;

    /// <summary>
    /// The question's primary skill area when answered (null for rows older than the progress roll-ups, until the
    /// roll-ups are first built), so the per-skill figures an answer added can be taken away again exactly.
    /// </summary>
    public string? SkillId { get; set; }

    /// <summary>The question's title when answered, so history stays readable if the question changes or goes.</summary>
    public string QuestionTitle { get; set; } = string.Empty;

    /// <summary>SHA-256 of the question file when answered: tells whether the question has changed since.</summary>
    public string QuestionTextHash { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;

    public int TimeTakenSeconds { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? GradedUtc { get; set; }

    /// <summary>Mean of the criterion scores (1-4), kept so lists and charts need no join.</summary>
    public double? AverageScore { get; set; }

    /// <summary>Notes to self written while grading.</summary>
    public string? Notes { get; set; }

    /// <summary>The practice session the attempt was part of, if any.</summary>
    public int? SessionId { get; set; }

    /// <summary>For a follow-up answered as a short attempt: which of the question's follow-ups (from 0); null for the question itself.</summary>
    public int? FollowUpIndex { get; set; }

    /// <summary>The follow-up's words when answered, as plain text, so history reads right if the question changes.</summary>
    public string? FollowUpPrompt { get; set; }

    /// <summary>The spoken answer's media type ("audio/webm"), when one was recorded; the file is in the data folder (Attempts/Recordings).</summary>
    public string? AudioContentType { get; set; }

    /// <summary>The recording's size in bytes, when there is one.</summary>
    public int? AudioBytes { get; set; }

    public List<AttemptScore> Scores { get; set; } = [];

    /// <summary>Coaches' comment threads on the attempt.</summary>
    public List<CommentThread> Threads { get; set; } = [];
}
