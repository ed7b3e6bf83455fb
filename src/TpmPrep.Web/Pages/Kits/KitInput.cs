using System.ComponentModel.DataAnnotations;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>The details of a kit as its form posts them; checked by <see cref="KitService.Check"/>, errors beside each field.</summary>
public sealed class KitInput
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Target level")]
    public string? LevelId { get; set; }

    [Display(Name = "Focus skill areas")]
    public List<string> Focus { get; set; } = [];

    [Display(Name = "Instructions for the interviewer")]
    public string? Instructions { get; set; }

    public int Version { get; set; }

    public KitDetails ToDetails() => new(Title ?? string.Empty, LevelId, Focus, Instructions ?? string.Empty);

    public static KitInput From(KitView kit) => new()
    {
        Title = kit.Title, LevelId = kit.LevelId, Focus = kit.Focus.ToList(), Instructions = kit.Instructions, Version = kit.Version,
    };
}

public static class KitProblems
{
    /// <summary>Puts each problem beside its field (<c>Input.Title</c>…), the rest at the top of the form.</summary>
    public static void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<KitProblem> problems, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field.Length == 0 ? string.Empty : prefix + "." + problem.Field, problem.Message);
        }
    }
}
