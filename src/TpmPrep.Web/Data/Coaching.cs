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

/// <summary>
/// A coach's remark on one attempt, optionally pinned to one rubric criterion, with the candidate's replies. It is the
/// candidate's record (it goes with the attempt and travels in their export) and stays when the link ends; only the
/// coach who started it and the candidate see it.
/// </summary>
public sealed class CommentThread
{
    public int Id { get; set; }

    public int AttemptId { get; set; }

    /// <summary>The attempt's owner.</summary>
    public string CandidateId { get; set; } = string.Empty;

    /// <summary>The coach who started the thread; null when that account is gone or the thread came from an import.</summary>
    public string? CoachId { get; set; }

    /// <summary>The coach's name when the thread began, so it stays readable after the account goes.</summary>
    public string CoachName { get; set; } = string.Empty;

    /// <summary>The rubric criterion the thread is about (its index and title when pinned), or null for the whole answer.</summary>
    public int? CriterionIndex { get; set; }

    public string? Criterion { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ResolvedUtc { get; set; }

    public List<ThreadComment> Comments { get; set; } = [];
}

/// <summary>One message of a thread, by the coach or by the candidate.</summary>
public sealed class ThreadComment
{
    public int Id { get; set; }

    public int ThreadId { get; set; }

    public bool FromCoach { get; set; }

    public string AuthorName { get; set; } = string.Empty;

    /// <summary>Markdown, rendered safely on read.</summary>
    public string Body { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the other side first opened it: null is an unread marker for them.</summary>
    public DateTime? SeenUtc { get; set; }
}

/// <summary>Practice a coach sets: a list of questions, done as a practice session or a mock interview, by a date.</summary>
public sealed class CoachAssignment
{
    public int Id { get; set; }

    public string CandidateId { get; set; } = string.Empty;

    public string CoachId { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public SessionMode Mode { get; set; }

    /// <summary>The question ids, in order, separated by commas (a copy: editing the set later does not move the goalposts).</summary>
    public string QuestionIds { get; set; } = string.Empty;

    /// <summary>The end of the due day in the candidate's time zone, in UTC.</summary>
    public DateTime DueUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The session the candidate started for it, if any.</summary>
    public int? SessionId { get; set; }
}

/// <summary>A coach's private notes on one candidate: the coach's own record, never shown to the candidate.</summary>
public sealed class CoachNote
{
    public int Id { get; set; }

    public string CoachId { get; set; } = string.Empty;

    public string CandidateId { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime UpdatedUtc { get; set; }
}
