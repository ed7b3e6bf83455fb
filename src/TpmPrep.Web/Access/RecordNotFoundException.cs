using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TpmPrep.Web.Access;

/// <summary>A record the viewer may not see, or that does not exist: the two are told apart by nobody.</summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException()
        : base("No such record for this viewer.")
    {
    }

    public RecordNotFoundException(string message)
        : base(message)
    {
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Turns a refused or missing record anywhere under a page handler into a 404.</summary>
public sealed class RecordNotFoundFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is RecordNotFoundException)
        {
            executed.ExceptionHandled = true;
            executed.Result = new NotFoundResult();
        }
    }
}
