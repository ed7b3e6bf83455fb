using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// <c>&lt;time utc="@attempt.CreatedUtc"&gt;3 days ago&lt;/time&gt;</c> writes the machine-readable
/// <c>datetime="2026-12-01T07:04:06.500Z"</c> beside the text and title the view gives, so no view formats it by hand.
/// </summary>
[HtmlTargetElement("time", Attributes = UtcAttributeName)]
public sealed class UtcTimeTagHelper : TagHelper
{
    private const string UtcAttributeName = "utc";

    [HtmlAttributeName(UtcAttributeName)]
    public DateTime Utc { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("datetime", MachineTime.Format(Utc));
    }
}

public static class MachineTime
{
    /// <summary>
    /// A UTC instant as HTML's <c>datetime</c> wants it: milliseconds at most (the .NET round-trip format writes seven
    /// digits, which HTML refuses) and always <c>Z</c>. The database hands UTC back with an unspecified kind: read as UTC.
    /// </summary>
    public static string Format(DateTime utc)
    {
        var instant = utc.Kind switch
        {
            DateTimeKind.Local => utc.ToUniversalTime(),
            _ => DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        };
        return instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
