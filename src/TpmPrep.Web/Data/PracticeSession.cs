namespace TpmPrep.Web.Data;

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
