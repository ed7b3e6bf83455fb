namespace TpmPrep.Web.Data;

/// <summary>
/// Failed log-ins for one e-mail from one client address, kept in the database so every instance sees
/// them. The key is a hash of both, so the table names no one.
/// </summary>
public sealed class LoginFailure
{
    public string Key { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTime FirstFailureUtc { get; set; }

    public DateTime? LockedUntilUtc { get; set; }
}
