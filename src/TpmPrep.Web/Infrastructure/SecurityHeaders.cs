namespace TpmPrep.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Only what the app serves, and of inline styles only the stylesheet every page carries in its head (allowed by its
    /// hash, <paramref name="inlineStyle"/>: see <see cref="InlineStylesheet"/>).
    /// </summary>
    public static string ContentSecurityPolicy(string inlineStyle) =>
        $"default-src 'self'; img-src 'self' https: data:; media-src 'self' blob:; style-src 'self' {inlineStyle}; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    /// <summary>
    /// Refuses every method but GET, HEAD and POST before anything runs, and sends the headers that stop sniffing,
    /// framing, cross-site referrers and any script or style not served by the app.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stylesheet = app.ApplicationServices.GetRequiredService<InlineStylesheet>();
        return app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD, POST";
                return;
            }

            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = stylesheet.ContentSecurityPolicy;
            await next();
        });
    }
}
