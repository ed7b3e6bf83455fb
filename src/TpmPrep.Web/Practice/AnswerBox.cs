namespace TpmPrep.Web.Practice;

/// <summary>The answer box: Markdown with a server-rendered preview, kept as a draft in the browser and on the server.</summary>
/// <param name="QuestionId">The question being answered: drafts are kept per user and question.</param>
/// <param name="DraftKey">Where this browser keeps the draft.</param>
/// <param name="Answer">The text to show: what was posted, else the saved draft.</param>
/// <param name="PreviewHtml">A preview rendered by the server when the form was posted without script.</param>
public sealed record AnswerBox(string QuestionId, string DraftKey, string? Answer, string? PreviewHtml);
