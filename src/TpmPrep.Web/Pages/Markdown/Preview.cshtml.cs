using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Web.Attempts;

namespace TpmPrep.Web.Pages.Markdown;

/// <summary>Renders Markdown through the same safe pipeline as saved answers, for the answer box's preview.</summary>
public sealed class PreviewModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string? text)
    {
        if (text is null || text.Length > AnswerLimits.MaxLength)
        {
            return BadRequest($"The preview takes up to {AnswerLimits.MaxLength:N0} characters.");
        }

        return Content(SafeMarkdown.ToHtml(text), "text/html; charset=utf-8");
    }
}
