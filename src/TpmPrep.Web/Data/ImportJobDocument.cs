namespace TpmPrep.Web.Data;

/// <summary>
/// The checked export of an import, until it has finished. A row of its own, apart from the job: the job's
/// progress is updated after every batch, and a database rewrites a whole row when any of it changes.
/// </summary>
public sealed class ImportJobDocument
{
    public int ImportJobId { get; set; }

    public string Json { get; set; } = string.Empty;
}
