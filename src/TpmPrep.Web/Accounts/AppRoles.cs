namespace TpmPrep.Web.Accounts;

/// <summary>The account roles. Candidates practise; hiring managers build question sets; coaches follow their candidates.</summary>
public static class AppRoles
{
    public const string Candidate = "Candidate";
    public const string HiringManager = "HiringManager";
    public const string Coach = "Coach";
    public const string Admin = "Admin";

    /// <summary>The roles a person may pick when registering.</summary>
    public static IReadOnlyList<string> Selectable { get; } = [Candidate, HiringManager, Coach];

    public static IReadOnlyList<string> All { get; } = [Candidate, HiringManager, Coach, Admin];

    public static string DisplayName(string role) => role switch
    {
        HiringManager => "Hiring manager",
        _ => role,
    };
}
