namespace TpmPrep.Web.Data;

public enum SessionMode
{
    Practice = 0,
    MockInterview = 1,
}

/// <summary>A set of questions answered one after another, free practice or a timed mock interview.</summary>
public sealed class PracticeSession
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public SessionMode Mode { get; set; }

    /// <summary>What the session was built from, for its title ("Due for review", "Risk management · Senior TPM").</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Time allowed for the whole session in a mock interview: the sum of the questions' suggested minutes.</summary>
    public int TotalMinutes { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the first question was shown: the total clock of a mock interview runs from here.</summary>
    public DateTime? StartedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    public List<PracticeSessionItem> Items { get; set; } = [];
}

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
