namespace TpmPrep.Web.Data;

/// <summary>One question of a session, in order, and the attempt that answered it.</summary>
public sealed class PracticeSessionItem
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public int Position { get; set; }

    public string QuestionId { get; set; } = string.Empty;

    public int? AttemptId { get; set; }

    /// <summary>When the question was first shown: its timer survives a refresh.</summary>
    public DateTime? ShownUtc { get; set; }

    /// <summary>True when the candidate carried on after the question's time ran out.</summary>
    public bool WentOvertime { get; set; }
}
