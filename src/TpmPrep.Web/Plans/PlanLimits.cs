namespace TpmPrep.Web.Plans;

public static class PlanLimits
{
    public const int MaxTitleLength = 120;

    public const int MaxNameLength = 120;

    /// <summary>Evidence, notes and rationales: a page of writing.</summary>
    public const int MaxNotesLength = 8_000;

    public const int MaxInterviews = 12;

    public const int MaxInterviewersPerInterview = 6;

    public const int MaxCandidates = 200;

    public const int PageSize = 20;
}
