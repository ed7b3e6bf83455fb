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

/// <summary>A single-use link that lets someone choose a new password; only a hash of its token is stored.</summary>
public sealed class PasswordResetToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>Set when the link is used (a concurrency token: two uses at once cannot both succeed).</summary>
    public DateTime? UsedUtc { get; set; }
}
