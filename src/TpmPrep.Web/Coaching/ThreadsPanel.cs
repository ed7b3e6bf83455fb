namespace TpmPrep.Web.Coaching;

/// <summary>
/// What the comment threads partial shows: the threads, from whose side, and a refused message to put back in its
/// form (<paramref name="FailedThreadId"/> 0 is the new-thread form) with the reason.
/// </summary>
public sealed record ThreadsPanel(IReadOnlyList<ThreadView> Threads, bool ViewerIsCoach, int? FailedThreadId = null, string? Error = null, string? Draft = null)
{
    public string? DraftFor(int threadId) => FailedThreadId == threadId ? Draft : null;

    public string? ErrorFor(int threadId) => FailedThreadId == threadId ? Error : null;
}
