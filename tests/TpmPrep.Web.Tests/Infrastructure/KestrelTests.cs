using System.Net;
using TpmPrep.Web.Tests.EndToEnd;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>What the real web server sends, which the in-memory test server does not show.</summary>
public sealed class TheServerSaysNothingAboutItself
{
    [Fact]
    public async Task NoServerHeaderAndNoTrace()
    {
        using var server = new LiveServer();
        using var http = new HttpClient();

        var page = await http.GetAsync(server.BaseUrl + "/");
        var trace = await http.SendAsync(new HttpRequestMessage(HttpMethod.Trace, server.BaseUrl + "/"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), string.Join(", ", page.Headers.Select(h => h.Key)));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
        Assert.False(trace.Headers.Contains("Server"));
    }
}
