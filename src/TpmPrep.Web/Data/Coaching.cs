namespace TpmPrep.Web.Data;

/// <summary>What a candidate lets a coach see; each is one checkbox on the consent screen.</summary>
[Flags]
public enum CoachScopes
{
    None = 0,

    /// <summary>The progress dashboard: counts, streaks, readiness, reviews due.</summary>
    Summary = 1,

    /// <summary>Attempts, with the answers and their grades.</summary>
    Attempts = 2,

    /// <summary>Skills self-assessments and their results.</summary>
    Assessments = 4,

    All = Summary | Attempts | Assessments,
}

public enum CoachLinkStatus
{
    /// <summary>A coach asked for access; the candidate has not answered. Nothing is visible.</summary>
    Requested,

    /// <summary>The candidate consented: the coach sees what the scopes say.</summary>
    Active,

    /// <summary>Revoked by the candidate, declined, or ended by the coach: nothing is visible.</summary>
    Ended,
}

/// <summary>One candidate and one coach: at most one row per pair, whatever happened before.</summary>
public sealed class CoachLink
{
    public int Id { get; set; }

    public string CandidateId { get; set; } = string.Empty;

    public string CoachId { get; set; } = string.Empty;

    public CoachLinkStatus Status { get; set; }

    public CoachScopes Scopes { get; set; } = CoachScopes.Summary;

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the candidate consented (or last changed the scopes).</summary>
    public DateTime? ConsentedUtc { get; set; }

    public DateTime? EndedUtc { get; set; }
}

/// <summary>A single-use invitation a candidate hands to a coach; only a hash of its code is stored.</summary>
public sealed class CoachInvite
{
    public int Id { get; set; }

    public string CandidateId { get; set; } = string.Empty;

    /// <summary>SHA-256 of the normalised code, in lower-case hex.</summary>
    public string CodeHash { get; set; } = string.Empty;

    /// <summary>When set, only the account with this (normalised) e-mail may accept it.</summary>
    public string? BoundEmail { get; set; }

    public CoachScopes Scopes { get; set; } = CoachScopes.Summary;

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>Set when a coach accepts (a concurrency token: two acceptances at once cannot both succeed).</summary>
    public DateTime? UsedUtc { get; set; }

    public string? UsedById { get; set; }

    public DateTime? CancelledUtc { get; set; }
}

/// <summary>What a coach opened of a candidate's records, and when: shown to the candidate.</summary>
public sealed class AccessReceipt
{
    public long Id { get; set; }

    public string CandidateId { get; set; } = string.Empty;

    public string CoachId { get; set; } = string.Empty;

    public TpmPrep.Web.Access.RecordKind Kind { get; set; }

    /// <summary>The page opened (its path, at most 200 characters).</summary>
    public string Path { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }
}
