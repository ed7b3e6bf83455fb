using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// The app listens while the content library is still being read at start-up. Until it is, each request (but the
/// health check, which says "loading content", and static files) waits for it without holding a thread, so no page is
/// ever rendered from a half-read or empty library.
/// </summary>
public static class ContentReady
{
    public static IApplicationBuilder UseContentReady(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalogue = app.ApplicationServices.GetRequiredService<CatalogueProvider>();
        return app.UseHeldUntil(() => catalogue.IsLoaded, () => catalogue.FirstLoad);
    }
}
