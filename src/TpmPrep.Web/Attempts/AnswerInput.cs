using System.ComponentModel.DataAnnotations;

namespace TpmPrep.Web.Attempts;

/// <summary>What the answer box posts, on a question page and in a session alike.</summary>
public sealed class AnswerInput
{
    [Required(ErrorMessage = "Write an answer before submitting.")]
    [StringLength(AnswerLimits.MaxLength, ErrorMessage = "Your answer is {1:N0} characters at most; shorten it and submit again.")]
    [RegularExpression(@"[\s\S]*\S[\s\S]*", ErrorMessage = "Write an answer before submitting.")]
    public string? Answer { get; set; }

    /// <summary>Seconds on the page's timer; a session measures time on the server instead.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "The time taken must be a positive number of seconds.")]
    public int TimeTakenSeconds { get; set; }

    /// <summary>The preview shown when the form is posted with "Preview" and no script: the safe rendering of the text, or null.</summary>
    public string? PreviewHtml() => Answer is { Length: <= AnswerLimits.MaxLength } text ? Content.Markdown.SafeMarkdown.ToHtml(text) : null;
}
