namespace TpmPrep.Web.Kits;

/// <summary>The bounds of a question set or kit, enforced on every save.</summary>
public static class KitLimits
{
    public const int MaxTitleLength = 120;

    public const int MaxInstructionsLength = 8_000;

    /// <summary>More than a whole interview loop needs (a kit is one interview: a handful of questions).</summary>
    public const int MaxQuestions = 40;

    /// <summary>The longest interview a kit or a generated kit may plan for, in minutes.</summary>
    public const int MaxBudgetMinutes = 240;

    public const int PageSize = 20;

    /// <summary>Bank questions shown per page of the question picker.</summary>
    public const int PickerPageSize = 15;
}
