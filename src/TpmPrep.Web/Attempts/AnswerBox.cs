using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Attempts;

/// <summary>The answer box: Markdown with a server-rendered preview, kept as a draft in the browser and on the server.</summary>
/// <param name="UserId">Whose draft it is: the browser keeps drafts per user and question.</param>
/// <param name="QuestionId">The question being answered.</param>
/// <param name="Answer">The text to show: what was posted, else the saved draft.</param>
/// <param name="PreviewHtml">A preview rendered by the server when the form was posted without script.</param>
public sealed record AnswerBox(string? UserId, string QuestionId, string? Answer, string? PreviewHtml)
{
    public string DraftKey => DraftKeyFor(UserId, QuestionId);

    /// <summary>Where the browser keeps a draft; the grading page names it to forget the draft once submitted.</summary>
    public static string DraftKeyFor(string? userId, string questionId) => $"{userId}:{questionId}";
}
