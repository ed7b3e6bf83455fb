using TpmPrep.Content.Model;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>What the kit details partial shows: the input, and the levels and skill areas to choose from.</summary>
public sealed record KitDetailsForm(KitInput Input, ContentCatalogue Catalogue);
