using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Catalogue;

/// <summary>
/// Holds the current <see cref="ContentCatalogue"/> and swaps in a new one, whole, when files in the
/// content folder change: a reader sees the old catalogue or the new one, never half of each.
/// </summary>
public sealed class CatalogueProvider : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly ILogger<CatalogueProvider> _logger;
    private readonly string _contentPath;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _reloadTimer;
    private readonly Lock _reloadLock = new();
    private ContentCatalogue _current;

    public CatalogueProvider(TpmPrepPaths paths, ILogger<CatalogueProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _logger = logger;
        _contentPath = paths.ContentPath;
        _reloadTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _current = LoadAndLog();
        if (Directory.Exists(_contentPath))
        {
            _watcher = new FileSystemWatcher(_contentPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The catalogue in force now. Keep the reference for the length of a request.</summary>
    public ContentCatalogue Current => Volatile.Read(ref _current);

    /// <summary>Loads the folder again now and swaps the result in.</summary>
    public ContentCatalogue Reload()
    {
        lock (_reloadLock)
        {
            var catalogue = LoadAndLog();
            Volatile.Write(ref _current, catalogue);
            return catalogue;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _reloadTimer.Dispose();
    }

    // Editors write a file in several steps; wait until the burst of events is over.
    private void OnChanged(object sender, FileSystemEventArgs e) => _reloadTimer.Change(Debounce, Timeout.InfiniteTimeSpan);

    private ContentCatalogue LoadAndLog()
    {
        var catalogue = ContentLoader.Load(_contentPath, "content");
        _logger.LogInformation(
            "Loaded content from {ContentPath}: {Banks} banks, {Questions} questions, {Errors} errors",
            _contentPath,
            catalogue.Banks.Count,
            catalogue.QuestionCount,
            catalogue.Errors.Count);
        foreach (var error in catalogue.Errors)
        {
            _logger.LogWarning("Content error: {Error}", error.ToString());
        }

        return catalogue;
    }
}
