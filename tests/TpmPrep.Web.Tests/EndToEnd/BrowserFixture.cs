using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// One Chromium for the whole end-to-end run. Which Chromium: the path in TPMPREP_CHROMIUM if set,
/// else Debian's /usr/bin/chromium if present, else the browser Playwright installed for itself.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>How long an action or an expectation waits for its condition: long enough for a machine twice as busy as CI, as <see cref="Infrastructure.Eventually"/> is.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // A fake microphone (a tone) and no permission prompt, for the spoken-answer journey.
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
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

    /// <summary>A browser context of its own for a test (cookies, storage, viewport), as patient as <see cref="Patience"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        return context;
    }

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
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
