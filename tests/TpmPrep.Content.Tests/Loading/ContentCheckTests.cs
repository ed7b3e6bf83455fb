using System.Text.Json;
using TpmPrep.Content.Loading;

namespace TpmPrep.Content.Tests.Loading;

public sealed class ContentCheckReportsForAuthorsAndCi
{
    [Fact]
    public void ExitsZeroAndPrintsCountsForAValidFolder()
    {
        using var library = GoldenLibrary.Build("valid");
        using var output = new StringWriter();

        var exit = ContentCheck.Run([library.Root], output, TextWriter.Null);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("1 banks, 2 questions, 2 skill areas, 2 levels", text, StringComparison.Ordinal);
        Assert.Contains("     2  alpha  (Alpha bank)", text, StringComparison.Ordinal);
        Assert.Contains("No errors.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitsOneAndListsEachErrorAsPathLineMessage()
    {
        using var library = GoldenLibrary.Build("rubric-without-anchors");
        using var output = new StringWriter();

        var exit = ContentCheck.Run([library.Root], output, TextWriter.Null);

        Assert.Equal(1, exit);
        Assert.Contains(library.Root + "/banks/alpha/alpha-rubric.md:22: rubric criterion 'Only two anchors' has 2 anchors; it needs 3 to 5", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonHasTheDocumentedShape()
    {
        using var library = GoldenLibrary.Build("unknown-skill-and-level");
        using var output = new StringWriter();

        var exit = ContentCheck.Run([library.Root, "--json"], output, TextWriter.Null);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("banks").GetInt32());
        Assert.Equal(2, root.GetProperty("questions").GetInt32());
        Assert.Equal(1, root.GetProperty("skills").GetProperty("technical").GetInt32());
        Assert.Equal(1, root.GetProperty("skills").GetProperty("communication").GetInt32());
        Assert.Equal(1, root.GetProperty("levels").GetProperty("tpm").GetInt32());
        var error = root.GetProperty("errors")[0];
        Assert.EndsWith("/banks/alpha/alpha-unknown.md", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal("unknown skill area 'wizardry' in 'skills'", error.GetProperty("message").GetString());
    }

    [Fact]
    public void NestedInlinesInAQuestionAreAnErrorOnTheirLineNotACrash()
    {
        using var library = GoldenLibrary.Build("valid");
        var path = Path.Combine(library.Root, "banks", "alpha", "alpha-status.md");
        var lines = File.ReadAllLines(path).ToList();
        var prompt = lines.FindIndex(l => l == "## Prompt") + 2;
        // Deep enough that the tree is too deep to render, shallow enough to pass the parser's own checks.
        lines.Insert(prompt, new string('[', 200) + "deep");
        File.WriteAllLines(path, lines);
        using var output = new StringWriter();

        var exit = ContentCheck.Run([library.Root, "--json"], output, TextWriter.Null);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(1, json.RootElement.GetProperty("questions").GetInt32());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("/banks/alpha/alpha-status.md", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(prompt - 1, error.GetProperty("line").GetInt32());
        Assert.Contains("nested too deeply", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesUnknownOptionsWithUsage()
    {
        using var error = new StringWriter();

        Assert.Equal(2, ContentCheck.Run(["--verbose"], TextWriter.Null, error));
        Assert.Contains("usage: check-content [DIR] [--json]", error.ToString(), StringComparison.Ordinal);
    }
}
