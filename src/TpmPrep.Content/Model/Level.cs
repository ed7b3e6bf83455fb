namespace TpmPrep.Content.Model;

/// <summary>A career level (TPM, Senior TPM, Principal TPM) with its target score per skill area.</summary>
public sealed record Level(
    string Id,
    string Title,
    int Order,
    IReadOnlyDictionary<string, int> Targets,
    string DescriptionHtml,
    string SourcePath);
