namespace TpmPrep.Web.Pages;

/// <summary>What the delete confirmation page names, and where "keep it" goes back to.</summary>
public sealed record ConfirmDelete(string What, string Description, string CancelUrl);
