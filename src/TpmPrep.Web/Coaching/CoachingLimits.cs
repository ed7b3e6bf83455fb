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
}
