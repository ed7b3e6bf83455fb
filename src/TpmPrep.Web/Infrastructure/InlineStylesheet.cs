using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// The site's stylesheet (<c>wwwroot/css/site.css</c>, about 12 KB, 3 KB compressed), written into the head of every
/// page instead of linked: a linked stylesheet holds the first paint back by a round trip, which on a phone's
/// connection is the largest part of the time to the first paint. The Content-Security-Policy allows this one
/// <c>&lt;style&gt;</c> by its SHA-256 (<see cref="ContentSecurityPolicy"/>), and still no other inline style. The file is read
/// once; during development it is read again when it changes.
/// </summary>
public sealed class InlineStylesheet : IDisposable
{
    public const string FilePath = "css/site.css";

    private readonly IFileProvider _files;
    private readonly IDisposable? _watch;
    private Snapshot _current;

    public InlineStylesheet(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _files = environment.WebRootFileProvider;
        _current = Read(_files);
        if (environment.IsDevelopment())
        {
            _watch = ChangeToken.OnChange(() => _files.Watch(FilePath), () => Volatile.Write(ref _current, Read(_files)));
        }
    }

    /// <summary>The stylesheet's text, to write between <c>&lt;style&gt;</c> and <c>&lt;/style&gt;</c>.</summary>
    public IHtmlContent Css => Volatile.Read(ref _current).Css;

    /// <summary>The Content-Security-Policy header that goes with it (<see cref="SecurityHeaders.ContentSecurityPolicy"/>).</summary>
    public string ContentSecurityPolicy => Volatile.Read(ref _current).Policy;

    public void Dispose() => _watch?.Dispose();

    /// <summary>The CSP source for a <c>&lt;style&gt;</c> element holding <paramref name="css"/> (the hash of its UTF-8 bytes).</summary>
    private static string CspSourceFor(string css) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'";

    private static Snapshot Read(IFileProvider files)
    {
        var file = files.GetFileInfo(FilePath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The stylesheet wwwroot/{FilePath} is missing from the app's files.", FilePath);
        }

        string css;
        using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8))
        {
            css = reader.ReadToEnd();
        }

        // Our own file, but a "</style" in it would end the element early and put the rest into the page as markup.
        if (css.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"wwwroot/{FilePath} contains \"</style\", which cannot be written inside a <style> element.");
        }

        return new Snapshot(new HtmlString(css), SecurityHeaders.ContentSecurityPolicy(CspSourceFor(css)));
    }

    private sealed record Snapshot(IHtmlContent Css, string Policy);
}
