namespace TpmPrep.Web.Accounts;

/// <summary>
/// The account roles; a person holds any of them. Candidates practise; hiring managers build question sets and plans;
/// coaches follow the candidates who invite them. A role is a capability, never a view of someone else's records.
/// </summary>
public static class AppRoles
{
    public const string Candidate = "Candidate";
    public const string HiringManager = "HiringManager";
    public const string Coach = "Coach";
    public const string Admin = "Admin";

    /// <summary>The roles a person may pick when registering.</summary>
    public static IReadOnlyList<string> Selectable { get; } = [Candidate, HiringManager, Coach];

    public static IReadOnlyList<string> All { get; } = [Candidate, HiringManager, Coach, Admin];

    /// <summary>What holding the role is for, as the registration form asks it.</summary>
    public static string Purpose(string role) => role switch
    {
        Candidate => "practise for interviews (candidate)",
        HiringManager => "plan and run interviews (hiring manager)",
        Coach => "coach candidates who invite me (coach)",
        _ => DisplayName(role),
    };

    public static string DisplayName(string role) => role switch
    {
        HiringManager => "Hiring manager",
        _ => role,
    };
}
