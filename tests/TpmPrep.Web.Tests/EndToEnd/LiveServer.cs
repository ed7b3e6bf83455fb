using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>The app on Kestrel at a free port on 127.0.0.1, with its own data folder and content copy.</summary>
public sealed class LiveServer : TpmPrepFactory
{
    public LiveServer()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }
}
