namespace TpmPrep.Web.Data;

/// <summary>
/// A question written in the app (by a candidate, a coach or a hiring manager), kept as the same Markdown a bank
/// file holds and parsed by the same parser; its question id is <c>my-{Id}</c>.
/// </summary>
public sealed class CustomQuestion
{
    public int Id { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    /// <summary>The title from the front matter, kept so lists need not parse.</summary>
    public string Title { get; set; } = string.Empty;

    public string Markdown { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Goes up with every change: the parsed question is cached per version, and two editors cannot overwrite each other.</summary>
    public int Version { get; set; }
}
