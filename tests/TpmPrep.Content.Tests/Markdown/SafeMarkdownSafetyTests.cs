using System.Diagnostics;
using System.Text.RegularExpressions;
using TpmPrep.Content.Markdown;

namespace TpmPrep.Content.Tests.Markdown;

/// <summary>Whatever a user types, the HTML that comes out carries no script, no unsafe URL and no raw tag.</summary>
public sealed partial class SafeMarkdownSafetyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string> HostileInputs() =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](<java\nscript:alert(1)>)",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "![ref]\n\n[ref]: data:image/png;base64,AAAA",
        "[x](file:///etc/passwd)",
        "<div onclick=\"alert(1)\">hi</div>",
        "`<script>` and **<b>bold</b>**",
        "[x](\"onmouseover=alert(1))",
    ];

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void LeavesNothingExecutable(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        AssertInert(html);
    }

    [Theory]
    [InlineData("https://example.com/a?b=c", true)]
    [InlineData("http://example.com", true)]
    [InlineData("mailto:someone@example.com", true)]
    [InlineData("/banks/risk", true)]
    [InlineData("../relative/path.png", true)]
    [InlineData("#section", true)]
    [InlineData("page?at=12:30", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData("java\u0000script:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("ftp://example.com", false)]
    public void AllowsOnlyHttpHttpsMailtoAndRelativeUrls(string url, bool safe)
    {
        Assert.Equal(safe, SafeMarkdown.IsSafeUrl(url));
    }

    [Fact]
    public void KeepsSafeLinksAndImages()
    {
        var html = SafeMarkdown.ToHtml("[docs](https://example.com/docs) ![chart](/img/chart.png) <mailto:a@example.com>");

        Assert.Contains("<a href=\"https://example.com/docs\">docs</a>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/img/chart.png\" alt=\"chart\" />", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheTextOfAnUnsafeLink()
    {
        var html = SafeMarkdown.ToHtml("Press [the *button*](javascript:alert(1)) now");

        Assert.Equal("<p>Press the <em>button</em> now</p>\n", html);
    }

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    [InlineData('*')]
    [InlineData('(')]
    public async Task HundredThousandNestedMarkersComeOutInertAndQuickly(char marker)
    {
        var markdown = new string(marker, 100_000) + "<script>alert(1)</script>";
        var watch = Stopwatch.StartNew();

        // Run on a thread with a normal stack; a runaway recursion or quadratic loop fails the wait, not the test host.
        var html = await Task.Run(() => SafeMarkdown.ToHtml(markdown)).WaitAsync(TimeSpan.FromSeconds(30));

        AssertInert(html);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        output.WriteLine($"100,000 '{marker}': {watch.ElapsedMilliseconds} ms, {html.Length} characters of HTML");
    }

    /// <summary>A few dozen nested openers passed the parser's depth check and then made the renderer throw.</summary>
    [Theory]
    [InlineData("[", "")]
    [InlineData("![", "")]
    [InlineData("[", "](u)")]
    [InlineData("**", "**")]
    [InlineData("==", "==")]
    [InlineData("^", "^")]
    [InlineData("++", "++")]
    [InlineData("*_", "_*")]
    public void AFewDozenNestedInlinesComeBackAsTextNotAnError(string open, string close)
    {
        foreach (var depth in new[] { 33, 40, 64 })
        {
            var markdown = string.Concat(Enumerable.Repeat(open, depth)) + "deep" + string.Concat(Enumerable.Repeat(close, depth));

            var html = SafeMarkdown.ToHtml(markdown);

            Assert.Contains("deep", html, StringComparison.Ordinal);
            AssertInert(html);
        }
    }

    [Fact]
    public void ADenseParagraphIsShownAsTextWhileTheRestRenders()
    {
        var dense = string.Concat(Enumerable.Repeat("*a* ", 200));

        var html = SafeMarkdown.ToHtml("Intro with **bold**.\n\n" + dense + "\n\nOutro with [a link](https://example.com).");

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com\">a link</a>", html, StringComparison.Ordinal);
        Assert.Contains("*a* *a*", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>a</em>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersNestingUpToTheCapAsMarkdown()
    {
        var html = SafeMarkdown.ToHtml(new string('>', 10) + " deep");

        Assert.Equal(10, CountOf(html, "<blockquote>"));
    }

    /// <summary>
    /// Raw HTML is escaped, so every '&lt;' left in the output opens a tag the renderer wrote: check each
    /// tag and attribute against what Markdown can produce, and every URL against the allowed schemes.
    /// </summary>
    private static void AssertInert(string html)
    {
        foreach (Match tag in HtmlTag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            Assert.Contains(name, AllowedTags);
            foreach (Match attribute in HtmlAttribute().Matches(tag.Groups["attributes"].Value))
            {
                var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
                Assert.Contains(attributeName, AllowedAttributes);
                if (attributeName is "href" or "src")
                {
                    var url = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                    Assert.True(SafeMarkdown.IsSafeUrl(url), $"unsafe URL '{url}' in {tag.Value}");
                }
            }
        }
    }

    private static readonly HashSet<string> AllowedTags =
    [
        "p", "br", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "ul", "ol", "li",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "src", "alt", "title", "class", "start", "type", "disabled", "checked", "style"];

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attributes>[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)(?:=""(?<value>[^""]*)"")?", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlAttribute();

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
