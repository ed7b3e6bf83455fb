namespace TpmPrep.Web.Data;

/// <summary>The interviews of one opening, in order, with their kits and interviewers, and the candidates of the opening.</summary>
public sealed class InterviewPlan
{
    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    /// <summary>The opening, as the hiring manager names it ("Senior TPM, payments").</summary>
    public string Title { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<PlanInterview> Interviews { get; set; } = [];

    public List<PlanCandidate> Candidates { get; set; } = [];
}

/// <summary>One interview of a plan: its kit and who runs it.</summary>
public sealed class PlanInterview
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The kit the interviewers carry (one of the plan owner's), or none yet.</summary>
    public int? KitId { get; set; }

    public List<PlanInterviewer> Interviewers { get; set; } = [];
}

/// <summary>A registered user who runs an interview of a plan: what opens the plan to them, and only that plan.</summary>
public sealed class PlanInterviewer
{
    public int Id { get; set; }

    public int InterviewId { get; set; }

    public string UserId { get; set; } = string.Empty;
}

/// <summary>A person interviewed for the opening: a name and notes, not an account.</summary>
public sealed class PlanCandidate
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Notes { get; set; } = string.Empty;

    public HiringDecision Decision { get; set; }

    public string DecisionRationale { get; set; } = string.Empty;

    public DateTime? DecidedUtc { get; set; }
}

public enum HiringDecision
{
    Undecided = 0,
    Hire = 1,
    NoHire = 2,
}

/// <summary>One interviewer's scorecard for one candidate in one interview: a draft until submitted, then sealed.</summary>
public sealed class Scorecard
{
    public int Id { get; set; }

    public int CandidateId { get; set; }

    public int InterviewId { get; set; }

    public string InterviewerId { get; set; } = string.Empty;

    /// <summary>Ratings per focus skill area, as "area=score" pairs separated by ';' (1 to 4).</summary>
    public string AreaScores { get; set; } = string.Empty;

    /// <summary>Strong no (1), no (2), yes (3), strong yes (4); no neutral. Null until chosen.</summary>
    public int? Recommendation { get; set; }

    /// <summary>Key take-aways, in Markdown.</summary>
    public string Summary { get; set; } = string.Empty;

    public DateTime UpdatedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>When the card was last changed after it was submitted: kept, and shown as such.</summary>
    public DateTime? EditedAfterSubmitUtc { get; set; }

    public int Version { get; set; }

    public List<ScorecardQuestion> Questions { get; set; } = [];
}

/// <summary>What the interviewer noted and rated for one question of the kit.</summary>
public sealed class ScorecardQuestion
{
    public int Id { get; set; }

    public int ScorecardId { get; set; }

    public string QuestionId { get; set; } = string.Empty;

    /// <summary>The evidence (what the candidate said or did), in Markdown; without it the ratings do not count.</summary>
    public string Evidence { get; set; } = string.Empty;

    /// <summary>One rating per rubric criterion, in order, separated by ','; 0 is "not assessed".</summary>
    public string Ratings { get; set; } = string.Empty;
}
