using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// A field's validation messages beside it: <c>&lt;span asp-validation-for="Input.Email"&gt;</c> shows every error
/// of that field (nothing at all when there is none) under the id <c>Input_Email-error</c>.
/// Runs after ASP.NET Core's own validation message tag helper, which shows only the first error.
/// </summary>
[HtmlTargetElement("span", Attributes = ForAttributeName)]
public sealed class FieldMessageTagHelper(IHtmlGenerator generator) : TagHelper
{
    private const string ForAttributeName = "asp-validation-for";

    public override int Order => 100;

    [HtmlAttributeName(ForAttributeName)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var fullName = FieldErrors.FullName(ViewContext, For);
        var messages = FieldErrors.Messages(ViewContext, fullName);
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.Attributes.SetAttribute("id", FieldErrors.MessageId(fullName, generator));
        output.AddClass("field-error", HtmlEncoder.Default);
        output.Content.SetContent(string.Join(" ", messages));
    }
}

/// <summary>
/// Ties a field bound with <c>asp-for</c> to its validation message when it has errors:
/// <c>aria-invalid="true"</c>, and the message's id first in <c>aria-describedby</c> (hints already named there stay).
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttributeName, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = ForAttributeName)]
[HtmlTargetElement("select", Attributes = ForAttributeName)]
public sealed class FieldErrorAttributesTagHelper(IHtmlGenerator generator) : TagHelper
{
    private const string ForAttributeName = "asp-for";

    private const string DescribedBy = "aria-describedby";

    /// <summary>After the input, textarea and select tag helpers (-1000 and 0), so the type is known.</summary>
    public override int Order => 100;

    [HtmlAttributeName(ForAttributeName)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var fullName = FieldErrors.FullName(ViewContext, For);
        if (FieldErrors.Messages(ViewContext, fullName).Count == 0
            || (output.Attributes.TryGetAttribute("type", out var type) && string.Equals(type.Value?.ToString(), "hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var messageId = FieldErrors.MessageId(fullName, generator);
        var others = output.Attributes.TryGetAttribute(DescribedBy, out var existing) ? Raw(existing.Value) : string.Empty;
        output.Attributes.SetAttribute(DescribedBy, new HtmlString(string.IsNullOrWhiteSpace(others) ? messageId : $"{messageId} {others}"));
    }

    /// <summary>An attribute's value as it will be written (already HTML-encoded).</summary>
    private static string Raw(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case IHtmlContent html:
                using (var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    return writer.ToString();
                }

            default:
                return HtmlEncoder.Default.Encode(value.ToString() ?? string.Empty);
        }
    }
}

internal static class FieldErrors
{
    /// <summary>The field's name as posted (and its key in the model state): "Input.Email", or "Input.Answer" from a partial whose prefix is "Input".</summary>
    public static string FullName(ViewContext viewContext, ModelExpression field) => viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    /// <summary>The id of the field's message: the field's own id (Input_Email) with "-error".</summary>
    public static string MessageId(string fullName, IHtmlGenerator generator) =>
        TagBuilder.CreateSanitizedId(fullName, generator.IdAttributeDotReplacement) + "-error";

    public static IReadOnlyList<string> Messages(ViewContext viewContext, string fullName) =>
        viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList()
            : [];
}
