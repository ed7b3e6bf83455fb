using TpmPrep.Content.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TpmPrep.Content.Tests.Loading;

/// <summary>
/// Front matter in the plain shape is turned into YAML events without YamlDotNet's scanner; those events must be
/// YamlDotNet's own, position for position, and anything else must be left to YamlDotNet.
/// </summary>
public sealed class PlainFrontMatterGivesYamlDotNetsEvents
{
    public static TheoryData<string> PlainShapes => new()
    {
        "a: b",
        "id: x\ntitle: T\nskills: [a, b]\nlevel: tpm\nkind: k\nminutes: 15",
        "a:\n  b: 1\n  c: 2",
        "targets:\n  a: 50\n  b: 60\norder: 3",
        "a:\n  b: 1\nc:\n  d: 2",
        "a: [x, y]", "a: []", "a: [ ]", "a: [x]", "a: [ x , y ]", "a: [x,y]", "a: [x-y, z.w, _q]",
        "a: b-c", "a: ~", "a: null", "a: yes", "a: 015", "a: 1.5", "a: b, c", "a: B C  D", "a: b?", "a: b!", "a: b&c", "a: b*", "a: b|c", "a: b\\c", "a: b'", "a: b\"c",
        "a-b: c", "a_b: c", "_a: c", "a1: c", "A: B", "x: ...",
        "a: é ü – ’", "title: Component teams with separate backlogs - stop features waiting on each other",
    };

    /// <summary>Shapes with a meaning of their own in YAML, or errors: YamlDotNet must see them.</summary>
    public static TheoryData<string> OtherShapes => new()
    {
        "", "\n", "a: b\n", "a: b ", "a:  b", "a: b # c", "a: b#c", "a: 'b'", "a: \"b\"", "a: b: c", "a: b:c", "a: -b", "a: [x, y,]", "a: [-x]", "a: [x: y]", "a: [x] ", "a: [[x]]",
        "a: {b: c}", "a: &x b", "a: *x", "a: !t b", "a: |", "a: >", "a: %x", "a: @x", "a: `x`", "a: ?x", "a: [unclosed", "a: b\n\nc: d", "a: b\n# x\nc: d", "# x",
        "a: b\na: c", "a:\n  b: 1\n  b: 2", "a:", "a:\nb: c", "a:\n   b: 1", "a:\n  b:\n    c: 1", "a:\n  b: [x]", " a: b", "a : b", "a: b\n  c", "a: b\n  c: d",
        "a: \u2028", "a: \t", "a: b\tc", "a: \uFEFFx", "a: 😀", "title: C# 101", "title: Ratio 2:1", "- a", "a", "a: b\r", "a:\n  b: c\n  d:",
    };

    [Theory]
    [MemberData(nameof(PlainShapes))]
    public void PlainShapesGiveTheSameEventsAsYamlDotNet(string yaml)
    {
        var plain = PlainFrontMatter.TryParse(yaml);

        Assert.NotNull(plain);
        Assert.Equal(YamlDotNetEvents(yaml), Events(plain));
    }

    [Theory]
    [MemberData(nameof(OtherShapes))]
    public void AnythingElseIsLeftToYamlDotNet(string yaml) => Assert.Null(PlainFrontMatter.TryParse(yaml));

    [Fact]
    public void EveryFrontMatterOfTheShippedLibraryAndTheGoldenFilesGivesYamlDotNetsEvents()
    {
        var checkedFiles = 0;
        foreach (var path in Directory.EnumerateFiles(TestPaths.ShippedContent(), "*.md", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(TestPaths.Golden(), "*.md", SearchOption.AllDirectories)))
        {
            if (FrontMatterOf(File.ReadAllText(path)) is { } yaml && PlainFrontMatter.TryParse(yaml) is { } plain)
            {
                Assert.True(YamlDotNetEvents(yaml).SequenceEqual(Events(plain)), $"{path}: events differ from YamlDotNet's");
                checkedFiles++;
            }
        }

        // The shipped files are written in the plain shape, so most of them are compared (the check is not vacuous).
        var shipped = Directory.EnumerateFiles(TestPaths.ShippedContent(), "*.md", SearchOption.AllDirectories).Count();
        Assert.True(checkedFiles >= shipped / 2, $"only {checkedFiles} files were in the plain shape");
    }

    private static string? FrontMatterOf(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        return close < 0 ? null : string.Join('\n', lines[1..close]);
    }

    private static List<string> YamlDotNetEvents(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        return Events(parser);
    }

    /// <summary>Each event with everything the representation model reads from it: kind, value, style, tag, anchor, key flag and both positions.</summary>
    private static List<string> Events(IParser parser)
    {
        var events = new List<string>();
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            events.Add($"{e.GetType().Name} {e} [{e.Start}]-[{e.End}]{(e is Scalar scalar ? $" key={scalar.IsKey}" : string.Empty)}");
        }

        Assert.Null(parser.Current);
        return events;
    }
}
