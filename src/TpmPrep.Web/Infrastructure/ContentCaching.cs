using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// The library's pages, as an anonymous visitor sees them, change only when the content is reloaded: they are
/// rendered once per catalogue and then served from memory, keyed on the path, the query and the catalogue's
/// <see cref="CatalogueProvider.Generation"/>. Signed-in visitors (whose pages show their own history), requests with
/// an Authorization header and responses that set a cookie are never cached: the default policy's rules.
/// </summary>
public static class ContentCaching
{
    public const string Policy = "Content";

    /// <summary>A page not asked for in this long leaves memory; a reload makes new keys at once.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddTpmPrepContentCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => policy
                .Expire(Lifetime)
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "catalogue", context.RequestServices.GetRequiredService<CatalogueProvider>().Generation.ToString(CultureInfo.InvariantCulture))));
        });
        return services;
    }
}
