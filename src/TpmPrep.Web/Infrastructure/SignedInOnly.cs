namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// A service that a page needs only for a signed-in visitor, asked for when it is needed. The library's pages are
/// mostly served to anonymous visitors (from the output cache, and at every start for the first request): taken
/// in the constructor, a service over the database would open a connection for them that is never used, and the
/// first request after start-up would wait for the database layer to build itself.
/// </summary>
public static class SignedInOnly
{
    public static T Get<T>(HttpContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<T>();
    }
}
