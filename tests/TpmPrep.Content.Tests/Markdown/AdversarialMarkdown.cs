using System.Text;

namespace TpmPrep.Content.Tests.Markdown;

/// <summary>
/// Generated hostile Markdown: every inline and block construct nested, repeated, left open and mixed,
/// each input cut to one length so that its cost can be compared with plain text of that length.
/// </summary>
internal static class AdversarialMarkdown
{
    private static readonly (string Open, string Close)[] InlinePairs =
    [
        ("[", "]"), ("[", "](u)"), ("![", "](u)"), ("[", "][r]"), ("[", "](<u>)"), ("[", "](u \"t\")"),
        ("*", "*"), ("_", "_"), ("**", "**"), ("__", "__"), ("***", "***"), ("~~", "~~"), ("~", "~"),
        ("==", "=="), ("++", "++"), ("^", "^"), ("`", "`"), ("``", "``"), ("<", ">"), ("*_", "_*"),
        ("[*", "*](u)"), ("![[", "](u)](u)"), ("(", ")"), ("[a", "b]"), ("<http://a.b/", ">"), ("**[", "](u)**"),
    ];

    private static readonly string[] BlockPrefixes = ["> ", "- ", "* ", "+ ", "1. ", "  - ", "> - ", "- > ", "1. > ", "    ", "- [ ] "];

    private static readonly string[] Tokens =
    [
        "*", "**", "_", "__", "~~", "~", "==", "++", "^", "`", "[", "]", "![", "](", ")", "(", "<", ">", "\\", "&amp;", "&#",
        "http://a.b", "www.a.b", "a@b.c", "|", "- ", "> ", "1. ", "#", "a", "b ", " ", "\n", "\n\n", "[r]: u\n", ":", "\"",
    ];

    /// <summary>Plain prose of the given length: the yardstick.</summary>
    public static string Plain(int length) => Cut(Repeat("The program plan names owners and dates for every milestone. ", length, lineEvery: 80, paragraphEvery: 6), length);

    /// <summary>
    /// An ordinary answer of about <paramref name="length"/> characters: a heading, paragraphs with emphasis, and a
    /// bulleted list with a link, over and over, as people write them.
    /// </summary>
    public static string Ordinary(int length) => Cut(Repeat(
        "## Approach\n\nThe program plan names owners and dates for every milestone. I would **first** agree the goal with the sponsor, then:\n\n"
        + "- map the dependencies across the teams\n- agree one ranked list with [the leads](https://example.com/plan)\n- track *blocked* time every week\n\n",
        length), length);

    public static IEnumerable<(string Name, string Text)> Inputs(int length)
    {
        foreach (var (open, close) in InlinePairs)
        {
            var name = open + "x" + close;
            foreach (var depth in new[] { 8, 31, 32, 33, 64, 500 })
            {
                yield return ($"nested {depth} {name}", Cut(Nest(open, "x", close, depth) + " " + Plain(length), length));
            }

            yield return ($"nested to the end {name}", Nest(open, "x", close, (length - 1) / (open.Length + close.Length)));
            yield return ($"repeated {name}", Cut(Repeat(open + "a" + close + " ", length), length));
            yield return ($"repeated on lines {name}", Cut(Repeat("x " + open + "a" + close + " y\n", length), length));
            yield return ($"left open {name}", Cut(Repeat(open + "a ", length), length));
            yield return ($"openers only {name}", Cut(Repeat(open, length), length));
            yield return ($"closers only {name}", Cut(Repeat(close, length), length));
        }

        foreach (var prefix in BlockPrefixes)
        {
            foreach (var depth in new[] { 8, 31, 32, 33, 100 })
            {
                yield return ($"block nested {depth} '{prefix}'", Cut(NestBlocks(prefix, depth) + Plain(length), length));
            }

            yield return ($"block repeated '{prefix}'", Cut(Repeat(prefix + "a *b* [c](d)\n", length), length));
        }

        yield return ("wide table", Cut("|" + Repeat("a|", length / 2) + "\n|" + Repeat("-|", length / 2), length));
        yield return ("long table", Cut("|a|b|\n|-|-|\n" + Repeat("|*a*|[b](c)|\n", length), length));
        yield return ("table of emphasis", Cut("|a|b|\n|-|-|\n" + Repeat("|**a** _b_ ~~c~~|`d` [e](f)|\n", length), length));
        yield return ("setext headings", Cut(Repeat("a\n=\n", length), length));
        yield return ("atx headings", Cut(Repeat("# a *b*\n", length), length));
        yield return ("reference definitions", Cut(Repeat("[a]: u\n", length), length));
        yield return ("unique references", Cut(string.Concat(Enumerable.Range(0, length / 12).Select(i => $"[r{i}]: u\n")) + string.Concat(Enumerable.Range(0, length / 8).Select(i => $"[r{i}] ")), length));
        yield return ("bare urls", Cut(Repeat("http://a.b/c ", length), length));
        yield return ("www links", Cut(Repeat("www.a.b ", length), length));
        yield return ("e-mail links", Cut(Repeat("a@b.c ", length), length));
        yield return ("fences", Cut(Repeat("```\na\n", length), length));
        yield return ("indented code and lists", Cut(Repeat("    a\n- b\n", length), length));
        yield return ("one long line", Cut(Repeat("a", length), length));
        yield return ("many blank lines", Cut(Repeat("\n", length), length));
        foreach (var c in "*_~[]!`<>=^+:\\&()|#-\t \"'")
        {
            yield return ($"run of '{c}'", new string(c, length));
            yield return ($"run of '{c}a'", Cut(Repeat(c + "a", length), length));
        }

        for (var seed = 1; seed <= 24; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder(length + 16);
            while (text.Length < length)
            {
                text.Append(Tokens[random.Next(Tokens.Length)]);
            }

            yield return ($"mixture {seed}", Cut(text.ToString(), length));
        }
    }

    private static string Nest(string open, string middle, string close, int depth)
    {
        var text = new StringBuilder((open.Length + close.Length) * depth + middle.Length);
        text.Insert(0, open, depth).Append(middle);
        for (var i = 0; i < depth; i++)
        {
            text.Append(close);
        }

        return text.ToString();
    }

    private static string NestBlocks(string prefix, int depth)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= depth; i++)
        {
            text.Insert(text.Length, prefix, i).Append("a *b*\n");
        }

        return text.Append('\n').ToString();
    }

    private static string Repeat(string unit, int length, int lineEvery = 0, int paragraphEvery = 0)
    {
        var text = new StringBuilder(length + unit.Length);
        var lines = 0;
        var lineStart = 0;
        while (text.Length < length)
        {
            text.Append(unit);
            if (lineEvery > 0 && text.Length - lineStart >= lineEvery)
            {
                lines++;
                text.Append(paragraphEvery > 0 && lines % paragraphEvery == 0 ? "\n\n" : "\n");
                lineStart = text.Length;
            }
        }

        return text.ToString();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
