using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace TpmPrep.Web.Charts;

/// <summary>
/// Trusted HTML that a chart writes straight into the page as it is sent, instead of building it as one string first.
/// Razor gives it a writer backed by pooled pages, so a large chart costs no large allocation.
/// </summary>
public sealed class WrittenHtml(Action<TextWriter> write) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => write(writer);

    public override string ToString()
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }
}
