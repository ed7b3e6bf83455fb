// The bare peer for check-content: read every .md file under DIR and render it with Markdig's
// Markdown.ToHtml and the default pipeline, nothing else. "same-pipeline" after DIR uses the
// extensions TpmPrep's SafeMarkdown enables instead, for comparison.
using Markdig;

if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] != "same-pipeline"))
{
    Console.Error.WriteLine("usage: MarkdigAnchor DIR [same-pipeline]");
    return 2;
}

var pipeline = args.Length == 2
    ? new MarkdownPipelineBuilder { MaximumNestingDepth = 32 }.DisableHtml().UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().Build()
    : null;
long files = 0, htmlChars = 0;
foreach (var path in Directory.EnumerateFiles(args[0], "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    var text = File.ReadAllText(path);
    var html = pipeline is null ? Markdown.ToHtml(text) : Markdown.ToHtml(text, pipeline);
    files++;
    htmlChars += html.Length;
}

Console.WriteLine($"{{\"files\": {files}, \"htmlChars\": {htmlChars}}}");
return 0;
