using TpmPrep.Content.Markdown;

namespace TpmPrep.Content.Tests.Markdown;

/// <summary>Golden/Markdown/NAME.md is rendered and compared with NAME.html beside it.</summary>
public sealed class SafeMarkdownGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Golden("Markdown"), "*.md").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileNameWithoutExtension(file));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersAsTheGoldenFileSays(string name)
    {
        var markdown = File.ReadAllText(TestPaths.Golden("Markdown", name + ".md"));

        TestPaths.AssertGolden(TestPaths.Golden("Markdown", name + ".html"), SafeMarkdown.ToHtml(markdown));
    }
}
