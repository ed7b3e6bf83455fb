using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Catalogue;

/// <summary>
/// Holds the current <see cref="ContentCatalogue"/> and swaps in a new one, whole, when files in the
/// content folder change: a reader sees the old catalogue or the new one, never half of each. A reload
/// keeps the last good version of every file that now has errors, and nothing it meets can end the process.
/// </summary>
public sealed class CatalogueProvider : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>While the content folder is missing nothing can be watched, so look for it again this often.</summary>
    private static readonly TimeSpan MissingFolderRetry = TimeSpan.FromSeconds(2);

    private readonly ILogger<CatalogueProvider> _logger;
    private readonly string _contentPath;
    private readonly Timer _reloadTimer;
    private readonly Lock _reloadLock = new();
    private FileSystemWatcher? _watcher;
    private ContentCatalogue _current = ContentCatalogue.Empty;
    private long _generation;
    private readonly Task _firstLoad;
    private volatile bool _disposed;

    public CatalogueProvider(TpmPrepPaths paths, ILogger<CatalogueProvider> logger, FirstContentLoad? started = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _logger = logger;
        _contentPath = paths.ContentPath;
        _reloadTimer = new Timer(_ => ReloadFromTimer(), null, Timeout.Infinite, Timeout.Infinite);
        // The first load runs beside the rest of start-up (the database, the web server); whoever needs the
        // catalogue before it is done waits for it (see Current and FirstLoad), and /healthz says it is loading. When
        // Program started reading this folder before the host was built, that read is the first load.
        _firstLoad = started is not null && string.Equals(started.ContentPath, _contentPath, StringComparison.Ordinal)
            ? started.Catalogue.ContinueWith(LoadFirst, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
            : Task.Run(() => LoadFirst(started: null));
    }

    /// <summary>Done when the content folder has been read once; until then <see cref="IsLoaded"/> is false.</summary>
    public Task FirstLoad => _firstLoad;

    public bool IsLoaded => _firstLoad.IsCompleted;

    /// <summary>
    /// Counts the catalogues swapped in, so cached pages can be keyed on it. It moves on just after the swap: a request
    /// that reads the new number always renders the new catalogue.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// The catalogue in force now. Keep the reference for the length of a request. Before the first load is done this
    /// waits for it: requests are held back asynchronously before they get here (UseContentReady), so only start-up
    /// work and commands can block on it.
    /// </summary>
    public ContentCatalogue Current
    {
        get
        {
            if (!_firstLoad.IsCompleted)
            {
                _firstLoad.GetAwaiter().GetResult();
            }

            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Loads the folder again now and swaps the result in.</summary>
    public ContentCatalogue Reload()
    {
        _firstLoad.GetAwaiter().GetResult();
        lock (_reloadLock)
        {
            var catalogue = LoadAndLog(Volatile.Read(ref _current));
            Volatile.Write(ref _current, catalogue);
            Interlocked.Increment(ref _generation);
            if (Directory.Exists(_contentPath))
            {
                ReturnMemoryAfterLoad(catalogue); // Not while polling a missing folder: nothing was read.
            }

            return catalogue;
        }
    }

    private void LoadFirst(Task<ContentCatalogue>? started)
    {
        lock (_reloadLock)
        {
            try
            {
                var catalogue = started is null ? ContentLoader.Load(_contentPath, "content", previous: null) : started.GetAwaiter().GetResult();
                Volatile.Write(ref _current, Logged(catalogue, previous: null));
                ReturnMemoryAfterLoad(Volatile.Read(ref _current));
            }
#pragma warning disable CA1031 // The loader reports bad files itself; anything else it throws must not leave the app without a catalogue for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Loading content from {ContentPath} failed; serving no questions until the next change to the folder", _contentPath);
            }

            Interlocked.Increment(ref _generation);
        }

        Watch();
        if (_watcher is null)
        {
            _reloadTimer.Change(MissingFolderRetry, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _reloadTimer.Dispose();
    }

    // Editors write a file in several steps; wait until the burst of events is over.
    private void OnChanged(object sender, FileSystemEventArgs e) => Schedule();

    private void Schedule()
    {
        if (!_disposed)
        {
            try
            {
                _reloadTimer.Change(Debounce, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the call: the app is stopping.
            }
        }
    }

    private void ReloadFromTimer()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Reload();
            if (!Directory.Exists(_contentPath))
            {
                // Removed: nothing to watch until it is back.
                _watcher?.Dispose();
                _watcher = null;
                _reloadTimer.Change(MissingFolderRetry, Timeout.InfiniteTimeSpan);
            }
            else if (_watcher is null)
            {
                // Back again: watch it, and load what arrived before the watcher did.
                Watch();
                Reload();
            }
        }
#pragma warning disable CA1031 // A timer callback that throws ends the process; a failed reload must only be logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Reloading content from {ContentPath} failed; the content loaded before is still served", _contentPath);
        }
    }

    private void Watch()
    {
        _watcher?.Dispose();
        _watcher = null;
        if (_disposed || !Directory.Exists(_contentPath))
        {
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(_contentPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += (_, e) =>
            {
                _logger.LogWarning(e.GetException(), "Watching {ContentPath} for changes failed; reloading and watching again", _contentPath);
                Schedule();
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            _logger.LogWarning(ex, "Cannot watch {ContentPath} for changes: content is reloaded only at restart", _contentPath);
        }
    }

    /// <summary>From this many questions on, a load is followed by a full collection (see <see cref="ReturnMemoryAfterLoad"/>).</summary>
    private const int LargeCatalogue = 1000;

    /// <summary>
    /// Loading a large library leaves hundreds of megabytes of parse garbage (and, after a reload, the old catalogue),
    /// which the server GC would keep committed for a long time: one compacting collection right after the swap gives
    /// it back. It pauses the app once per load; a small library leaves too little to be worth it.
    /// </summary>
    private static void ReturnMemoryAfterLoad(ContentCatalogue catalogue)
    {
        if (catalogue.QuestionCount >= LargeCatalogue)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private ContentCatalogue LoadAndLog(ContentCatalogue? previous) =>
        Logged(ContentLoader.Load(_contentPath, "content", previous: previous), previous);

    /// <summary>Reports what a load found (unless a reload found just what the catalogue before it did) and returns it.</summary>
    private ContentCatalogue Logged(ContentCatalogue catalogue, ContentCatalogue? previous)
    {
        if (previous is not null && SameReport(previous, catalogue))
        {
            return catalogue; // Polling a missing folder, or an editor saving the same text: nothing new to say.
        }

        _logger.LogInformation(
            "Loaded content from {ContentPath}: {Banks} banks, {Questions} questions, {Errors} errors, {Kept} files kept at their last good version",
            _contentPath,
            catalogue.Banks.Count,
            catalogue.QuestionCount,
            catalogue.Errors.Count,
            catalogue.KeptFiles.Count);
        foreach (var error in catalogue.Errors)
        {
            _logger.LogWarning("Content error: {Error}", error.ToString());
        }

        return catalogue;
    }

    private static bool SameReport(ContentCatalogue before, ContentCatalogue after) =>
        before.QuestionCount == after.QuestionCount && before.Banks.Count == after.Banks.Count && before.KeptFiles.Count == after.KeptFiles.Count
        && before.Errors.SequenceEqual(after.Errors);
}
