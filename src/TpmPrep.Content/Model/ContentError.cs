namespace TpmPrep.Content.Model;

/// <summary>A problem in a content file, reported as <c>path:line: message</c>.</summary>
public sealed record ContentError(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
