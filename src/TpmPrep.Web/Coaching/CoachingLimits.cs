namespace TpmPrep.Web.Coaching;

public static class CoachingLimits
{
    /// <summary>How long an invitation works.</summary>
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    /// <summary>Unused, unexpired invitations a candidate may hold at once.</summary>
    public const int OpenInvites = 10;

    /// <summary>Requests a coach may have waiting for an answer at once.</summary>
    public const int OpenRequests = 50;

    public const int CohortPageSize = 25;

    public const int ReceiptPageSize = 25;

    public const int AttemptPageSize = 25;

    /// <summary>Longest comment or reply, in characters.</summary>
    public const int CommentLength = 4_000;

    /// <summary>Threads a coach may start on one attempt; replies per thread.</summary>
    public const int ThreadsPerAttempt = 50;

    public const int CommentsPerThread = 100;

    /// <summary>Longest private note a coach keeps on a candidate.</summary>
    public const int NoteLength = 10_000;

    /// <summary>Assignments open at once per candidate and coach; questions in one.</summary>
    public const int OpenAssignments = 20;

    public const int AssignmentQuestions = 20;

    /// <summary>How far ahead a due date may be.</summary>
    public const int LongestAssignmentDays = 366;

    /// <summary>Points (of 100) the self-assessment may stand above graded answers before the cohort view flags it.</summary>
    public const double OverratingFlagPoints = 20;
}
