using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;

namespace TpmPrep.Web.Catalogue;

/// <summary>
/// The first read of the content folder, started as soon as the folder is known: before the host is built, while
/// that work keeps one core busy and leaves the other idle. <see cref="CatalogueProvider"/> takes its result (and
/// reports it) instead of reading the folder again, when it is given one for its own folder.
/// </summary>
public sealed class FirstContentLoad
{
    public FirstContentLoad(string contentPath)
    {
        ContentPath = contentPath;
        Catalogue = Task.Run(() => ContentLoader.Load(contentPath, "content", previous: null));
    }

    /// <summary>The folder being read.</summary>
    public string ContentPath { get; }

    /// <summary>The catalogue read; faults only with what <see cref="ContentLoader.Load"/> itself threw.</summary>
    public Task<ContentCatalogue> Catalogue { get; }
}
