using System.IO.Compression;
using System.Net;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages;

namespace TpmPrep.Web.Tests.Standards;

public sealed class TextIsCompressedAndFingerprintedFilesAreCachedForAYear(SharedFactory fixture) : IClassFixture<SharedFactory>
{
    [Theory]
    [InlineData("br", "/")]
    [InlineData("br", "/banks/system-design")]
    [InlineData("br", "/css/site.css")]
    [InlineData("br", "/js/site.js")]
    [InlineData("br", "/favicon.svg")]
    [InlineData("gzip", "/")]
    [InlineData("gzip", "/banks/system-design")]
    [InlineData("gzip", "/css/site.css")]
    [InlineData("gzip", "/js/site.js")]
    [InlineData("gzip", "/favicon.svg")]
    public async Task TextIsSentCompressedInTheEncodingAsked(string encoding, string url)
    {
        using var client = fixture.CreateClient();
        var plain = await client.GetStringAsync(url);

        using var response = await SendAsync(client, url, encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < System.Text.Encoding.UTF8.GetByteCount(plain), $"{compressed.Length} bytes compressed of {plain.Length}");
        Assert.Equal(plain, Decompress(encoding, compressed));
    }

    [Fact]
    public async Task BrotliIsPreferredWhenBothAreAccepted()
    {
        using var client = fixture.CreateClient();

        using var response = await SendAsync(client, "/", "gzip, deflate, br");

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task AClientThatAsksForNoEncodingGetsPlainText()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/css/site.css");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("--", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFingerprintedScriptIsImmutableForAYear()
    {
        using var client = fixture.CreateClient();
        var page = Html.Parse(await client.GetStringAsync("/"));
        var script = page.QuerySelector("script[src]")!.GetAttribute("src")!;

        Assert.Matches(@"^/js/site\.js\?v=[\w-]{20,}$", script);
        using var response = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CompressionAndCaching.ImmutableAsset, response.Headers.CacheControl!.ToString());
    }

    /// <summary>The stylesheet comes in the page (no round trip before the first paint), allowed by its hash and no other inline style.</summary>
    [Fact]
    public async Task TheStylesheetIsInThePageAndTheSecurityPolicyAllowsItByItsHash()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Null(page.QuerySelector("link[rel=stylesheet]"));
        var style = Assert.Single(page.QuerySelectorAll("style")).TextContent;
        Assert.Equal(await client.GetStringAsync("/css/site.css"), style);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        var styleSources = response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));
        Assert.Equal($"style-src 'self' 'sha256-{hash}'", styleSources);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/css/site.css?v=")]
    [InlineData("/css/site.css?v=not-its-hash")]
    [InlineData("/js/site.js?v=1&v=2")]
    [InlineData("/favicon.svg")]
    public async Task AFileWithoutItsCurrentFingerprintIsRevalidated(string url)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/banks")]
    [InlineData("/questions/sd-url-shortener-launch")]
    [InlineData("/questions/no-such-question")]
    public async Task APageIsNeverCachedForLong(string url)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(url);

        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.NoCache, cacheControl.ToString());
        Assert.DoesNotContain("immutable", cacheControl.ToString(), StringComparison.Ordinal);
        Assert.Null(cacheControl.MaxAge);
    }

    [Fact]
    public async Task ASignedInPageStaysOutOfSharedCaches()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        foreach (var url in new[] { "/", "/banks" })
        {
            using var response = await candidate.Http.GetAsync(url);
            var cacheControl = response.Headers.CacheControl!;
            Assert.True(cacheControl.Private || cacheControl.NoStore, $"{url}: {cacheControl}");
            Assert.True(cacheControl.NoCache || cacheControl.NoStore, $"{url}: {cacheControl}");
        }
    }

    [Theory]
    [InlineData("same-origin", true)]
    [InlineData("none", true)]
    [InlineData(null, true)]
    [InlineData("cross-site", false)]
    [InlineData("same-site", false)]
    public async Task OverHttpsOnlyRequestsTheAppOrThePersonStartedAreCompressed(string? fetchSite, bool compressed)
    {
        using var client = fixture.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/banks");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(compressed, response.Content.Headers.ContentEncoding.Contains("br"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    private static string Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
