using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// One Chromium for the whole end-to-end run. Which Chromium: the path in TPMPREP_CHROMIUM if set,
/// else Debian's /usr/bin/chromium if present, else the browser Playwright installed for itself.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string? ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("TPMPREP_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath(),
            Args = ChromiumArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "End to end";
}
