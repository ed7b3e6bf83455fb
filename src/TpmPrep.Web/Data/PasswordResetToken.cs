namespace TpmPrep.Web.Data;

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
