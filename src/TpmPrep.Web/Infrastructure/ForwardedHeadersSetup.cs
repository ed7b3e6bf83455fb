using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TpmPrep.Web.Infrastructure;

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind a reverse proxy: trust X-Forwarded-For and -Proto from the proxies named in settings (loopback by default),
    /// so the rate limiter and log-in pauses see the client's address and cookies are Secure when the client used HTTPS.
    /// </summary>
    public static IServiceCollection AddTpmPrepForwardedHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("TpmPrep:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"TpmPrep:ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in configuration.GetSection("TpmPrep:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"TpmPrep:ForwardedHeaders:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/24."));
            }
        });
}
