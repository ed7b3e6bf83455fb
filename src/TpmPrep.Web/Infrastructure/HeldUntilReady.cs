namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// The one way start-up work holds requests back: until <c>isReady</c>, each request but the health check (which
/// says what is not ready) waits for <c>ready</c> without holding a thread, or until the client gives up.
/// Middleware placed after static files, so those are served at once.
/// </summary>
public static class HeldUntilReady
{
    public static IApplicationBuilder UseHeldUntil(this IApplicationBuilder app, Func<bool> isReady, Func<Task> ready)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(isReady);
        ArgumentNullException.ThrowIfNull(ready);
        return app.Use(async (context, next) =>
        {
            if (!isReady() && !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                await ready().WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
