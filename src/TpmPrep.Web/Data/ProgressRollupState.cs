namespace TpmPrep.Web.Data;

/// <summary>
/// Whether a user's progress roll-ups are whole, and in which time zone their days are counted. Every write that
/// changes the user's attempts moves <see cref="Version"/> on, so a rebuild that raced a write notices and runs again.
/// </summary>
public sealed class ProgressRollupState
{
    /// <summary>The zone written when the roll-ups must be rebuilt before they are read (after an import, say).</summary>
    public const string Stale = "";

    public string UserId { get; set; } = string.Empty;

    /// <summary>The time zone the roll-ups' days and months are counted in, or <see cref="Stale"/>.</summary>
    public string ZoneId { get; set; } = Stale;

    public long Version { get; set; }
}
