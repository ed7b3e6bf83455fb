namespace TpmPrep.Web.Data;

/// <summary>One grader's score on one rubric criterion of an attempt, on that rubric's own scale.</summary>
public sealed class AttemptScore
{
    public int Id { get; set; }

    public int AttemptId { get; set; }

    public int CriterionIndex { get; set; }

    /// <summary>The criterion's title when graded.</summary>
    public string Criterion { get; set; } = string.Empty;

    /// <summary>From 1 up to <see cref="Levels"/>.</summary>
    public int Score { get; set; }

    /// <summary>How many levels the rubric had when graded: its scale's top.</summary>
    public int Levels { get; set; } = 4;

    /// <summary>Who gave the score. Kept when that account goes, so nobody else's record loses a grade with it.</summary>
    public string GradedById { get; set; } = string.Empty;

    public GraderRole GraderRole { get; set; }

    /// <summary>The grader's name when graded, for grades by someone else than the owner (a coach); null for self-grades.</summary>
    public string? GraderName { get; set; }

    /// <summary>When the grade was given (null for grades older than this column).</summary>
    public DateTime? GradedUtc { get; set; }
}

/// <summary>In what capacity a score was given.</summary>
public enum GraderRole
{
    /// <summary>The candidate grading their own answer: the grade that moves the review schedule and the dashboard.</summary>
    Self,

    /// <summary>A coach the candidate invited.</summary>
    Coach,

    /// <summary>An interviewer on an interview plan.</summary>
    Interviewer,
}
