namespace TpmPrep.Web.Data;

/// <summary>An answer being typed, kept on the server so another tab or device loses nothing.</summary>
public sealed class AnswerDraft
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the candidate started the clock on this answer; null until they do.</summary>
    public DateTime? TimerStartedUtc { get; set; }

    /// <summary>When the clock was paused; null while it runs.</summary>
    public DateTime? TimerPausedUtc { get; set; }

    /// <summary>Seconds spent paused before the current run.</summary>
    public int TimerPausedSeconds { get; set; }
}
