using System.Text.Json;
using TpmPrep.Content.Model;

namespace TpmPrep.Web.Assessments;

/// <summary>The part of the skill model an assessment is scored against, frozen when it is completed.</summary>
public sealed record SkillModelSnapshot(IReadOnlyList<SnapshotArea> Areas, IReadOnlyList<SnapshotLevel> Levels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SkillModelSnapshot From(ContentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new SkillModelSnapshot(
            catalogue.Skills.Select(s => new SnapshotArea(s.Id, s.Title, s.Indicators.Select(i => new SnapshotIndicator(i.Id, i.Statement)).ToList())).ToList(),
            catalogue.Levels.Select(l => new SnapshotLevel(l.Id, l.Title, l.Targets)).ToList());
    }

    public static SkillModelSnapshot Parse(string json) => JsonSerializer.Deserialize<SkillModelSnapshot>(json, Json) ?? throw new JsonException("empty snapshot");

    /// <summary>The snapshot, or null when the stored text is missing or damaged (nulls where lists belong included).</summary>
    public static SkillModelSnapshot? TryParse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            var snapshot = Parse(json);
            var whole = snapshot.Areas is not null && snapshot.Levels is not null
                && snapshot.Areas.All(a => a is { Id: not null, Title: not null, Indicators: not null } && a.Indicators.All(i => i is { Id: not null, Statement: not null }))
                && snapshot.Levels.All(l => l is { Id: not null, Title: not null, Targets: not null });
            return whole ? snapshot : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public SnapshotLevel? FindLevel(string id) => Levels.FirstOrDefault(l => l.Id == id);
}

public sealed record SnapshotArea(string Id, string Title, IReadOnlyList<SnapshotIndicator> Indicators);

public sealed record SnapshotIndicator(string Id, string Statement);

public sealed record SnapshotLevel(string Id, string Title, IReadOnlyDictionary<string, int> Targets);
