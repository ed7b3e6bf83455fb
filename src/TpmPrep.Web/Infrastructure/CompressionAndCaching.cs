using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// Brotli and gzip for text responses (pages, CSS, JavaScript, SVG, JSON), a year's caching for static files whose URL
/// carries their current fingerprint, and revalidation for everything else.
/// </summary>
public static class CompressionAndCaching
{
    /// <summary>What a fingerprinted static file is sent with: the URL changes whenever the file does.</summary>
    public const string ImmutableAsset = "public, max-age=31536000, immutable";

    /// <summary>Pages and unversioned files: a browser may keep them but asks again (ETag or full answer) each time.</summary>
    public const string Revalidate = "no-cache";

    /// <summary>Pages for a signed-in person: never in a shared cache.</summary>
    public const string RevalidatePrivate = "private, no-cache";

    /// <summary>
    /// Optimal, measured on the demo's largest page (/review, 255 KB, written and flushed in 16 KB pieces): Brotli 14.2 KB in
    /// about 10 ms against 25.1 KB in 3 ms for Fastest (whose small blocks suffer from the flushes); gzip 15.6 KB against 21.0 KB.
    /// A typical 15 to 25 KB page costs about a millisecond. See docs/web-standards.md.
    /// </summary>
    public const CompressionLevel Level = CompressionLevel.Optimal;

    public static IServiceCollection AddTpmPrepResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs three things: a secret in the body, text an attacker chooses echoed beside it, and many
            // requests the attacker makes the victim's browser send with its cookies while watching the sizes on the
            // wire. The antiforgery request token is encrypted afresh on every render (Data Protection, random per
            // call), so it never repeats for the attack to converge on. Other private text does repeat (the person's
            // name in the header, their answers), a query string (returnUrl) is echoed, and the SameSite=Lax log-in
            // cookie rides on another site's links, so the third condition is closed instead: over HTTPS a request
            // another site started is answered uncompressed (UseCompressionAndCaching).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = Level);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = Level);
        return services;
    }

    /// <summary>
    /// Compression, then the default cache policy. Call before anything that writes a body (static files, pages).
    /// Output caching sits inside it (after routing and authentication): it stores bodies uncompressed, and each
    /// response is compressed for the encoding its own request accepts.
    /// </summary>
    public static IApplicationBuilder UseCompressionAndCaching(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        return app.Use(async (context, next) =>
        {
            if (StartedByAnotherSite(context.Request) && context.Features.Get<IHttpsCompressionFeature>() is { } https)
            {
                https.Mode = HttpsCompressionMode.DoNotCompress;
            }

            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? RevalidatePrivate : Revalidate;
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>
    /// Static files, cached for a year when the request's <c>v</c> is the file's current fingerprint (as
    /// <c>asp-append-version</c> writes it). A stale or made-up <c>v</c> is only revalidated: during a rolling update an
    /// old server must not pin its old file for a year under the new file's URL.
    /// </summary>
    public static IApplicationBuilder UseFingerprintedStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = file =>
        {
            var http = file.Context;
            http.Response.Headers.CacheControl = CarriesCurrentFingerprint(http) ? ImmutableAsset : Revalidate;
        },
    });

    private static bool CarriesCurrentFingerprint(HttpContext http)
    {
        var request = http.Request;
        if (!request.Query.TryGetValue("v", out var asked) || asked.Count != 1 || string.IsNullOrEmpty(asked[0]))
        {
            return false;
        }

        var versioned = http.RequestServices.GetRequiredService<IFileVersionProvider>()
            .AddFileVersionToPath(request.PathBase, (request.PathBase + request.Path).Value!);
        var at = versioned.IndexOf("?v=", StringComparison.Ordinal);
        return at >= 0 && string.Equals(versioned[(at + 3)..], asked[0], StringComparison.Ordinal);
    }

    /// <summary>
    /// A browser names who started a request (Fetch Metadata). Only the app's own pages ("same-origin") and the person
    /// ("none": typed, bookmarked) are compressed over HTTPS; a request without the header comes from a non-browser
    /// client or a browser too old to send it, and is compressed as before.
    /// </summary>
    private static bool StartedByAnotherSite(HttpRequest request) =>
        request.Headers.TryGetValue("Sec-Fetch-Site", out var site)
        && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(site, "none", StringComparison.OrdinalIgnoreCase);
}
