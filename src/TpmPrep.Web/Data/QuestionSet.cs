namespace TpmPrep.Web.Data;

/// <summary>
/// An ordered list of questions, from the banks or written in the app, owned by the person who built it. An
/// interview kit is a question set with what one interview needs besides: a target level, the skill areas it
/// focuses on and instructions for the interviewer.
/// </summary>
public sealed class QuestionSet
{
    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public QuestionSetPurpose Purpose { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The level a kit interviews for (a level id of the content), or null.</summary>
    public string? LevelId { get; set; }

    /// <summary>The skill areas the interview focuses on, as ids separated by commas, in the order chosen.</summary>
    public string FocusSkills { get; set; } = string.Empty;

    /// <summary>What the interviewer should know before starting, in Markdown.</summary>
    public string Instructions { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Goes up with every change, so two tabs cannot overwrite each other unseen.</summary>
    public int Version { get; set; }

    public List<QuestionSetItem> Items { get; set; } = [];
}

/// <summary>What a question set is for.</summary>
public enum QuestionSetPurpose
{
    /// <summary>Questions to practise (the coach's assignments).</summary>
    Practice = 0,

    /// <summary>An interview kit: the questions of one interview.</summary>
    Interview = 1,

    /// <summary>A candidate's personal list of bank questions ("weak on risk"), private to them.</summary>
    List = 2,

    /// <summary>A candidate's bookmarks: one set per person, made with the first bookmark, private to them.</summary>
    Bookmarks = 3,
}

/// <summary>One question of a set, in order.</summary>
public sealed class QuestionSetItem
{
    public int Id { get; set; }

    public int SetId { get; set; }

    public int Position { get; set; }

    /// <summary>A bank question's id, or <c>my-N</c> for a question written in the app.</summary>
    public string QuestionId { get; set; } = string.Empty;
}
