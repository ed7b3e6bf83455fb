namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// Where the app keeps its content and data. Both come from configuration
/// (<c>TpmPrep:ContentPath</c>, <c>TpmPrep:DataPath</c>, or the environment variables
/// <c>TpmPrep__ContentPath</c>, <c>TpmPrep__DataPath</c>); relative paths are taken from the working folder.
/// </summary>
public sealed class TpmPrepPaths
{
    public const string DatabaseFileName = "tpmprep.db";

    public TpmPrepPaths(string contentPath, string dataPath)
    {
        ContentPath = Path.GetFullPath(contentPath);
        DataPath = Path.GetFullPath(dataPath);
    }

    public string ContentPath { get; }

    public string DataPath { get; }

    public string KeysPath => Path.Combine(DataPath, "keys");

    public string DefaultConnectionString => $"Data Source={Path.Combine(DataPath, DatabaseFileName)}";

    public static TpmPrepPaths FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var content = configuration["TpmPrep:ContentPath"] ?? FindContentFolder() ?? "content";
        var data = configuration["TpmPrep:DataPath"] ?? "data";
        return new TpmPrepPaths(content, data);
    }

    /// <summary>The nearest <c>content</c> folder with banks, from the working folder up, so the app finds its shipped content wherever it starts.</summary>
    private static string? FindContentFolder()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "banks")))
            {
                return candidate;
            }
        }

        return null;
    }
}
