using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TpmPrep.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The error has been logged. Nothing you had saved is lost.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Heading = "Not found";
                Explanation = "There is nothing at this address, or it is not yours to see.";
                break;
            case 403:
                Heading = "Not allowed";
                Explanation = "Your account cannot open this page.";
                break;
            case 429:
                Heading = "Too many attempts";
                Explanation = "Please wait a minute before trying again.";
                break;
            case 413:
                Heading = "Too large";
                Explanation = "What you sent is larger than TpmPrep accepts (an import file is at most 20 MB). Nothing was changed.";
                break;
            case 400:
                Heading = "Bad request";
                Explanation = "The form could not be read. Reload the page and try again.";
                break;
        }
    }
}
