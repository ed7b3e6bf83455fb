namespace TpmPrep.Web.Questions;

public static class CustomQuestionLimits
{
    /// <summary>Longest question text accepted, in characters: a bank file's worth (the longest shipped is under 8,000).</summary>
    public const int MaxLength = 32_000;

    public const int PageSize = 50;
}
