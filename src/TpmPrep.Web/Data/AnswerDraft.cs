namespace TpmPrep.Web.Data;

/// <summary>An answer being typed, kept on the server so another tab or device loses nothing.</summary>
public sealed class AnswerDraft
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTime UpdatedUtc { get; set; }
}
