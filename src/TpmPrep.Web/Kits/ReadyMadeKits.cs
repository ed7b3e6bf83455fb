using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Kits;

/// <summary>What starting from a ready-made loop or kit came to: the new record's id, or the problem (nothing saved).</summary>
public sealed record ReadyMadeOutcome(int? Id, string? Problem)
{
    public static ReadyMadeOutcome Refused(string problem) => new(null, problem);
}

/// <summary>
/// The interview loops shipped with the content (<c>content/kits/</c>), and the way a hiring manager starts from them:
/// a copy of one kit among their own kits, or a whole plan with one interview (and its own kit) per kit of the loop. The
/// copies are ordinary kits of the caller's, to change as they like; the shipped loop never changes under them.
/// </summary>
public sealed class ReadyMadeKits(KitService kits, PlanService plans, AppDbContext db, CatalogueProvider catalogue)
{
    public ContentCatalogue Catalogue => catalogue.Current;

    public (InterviewLoop Loop, ReadyKit Kit)? Find(string loopId, string kitId) =>
        Catalogue.FindLoop(loopId) is { } loop && loop.Kits.FirstOrDefault(k => k.Id == kitId) is { } kit ? (loop, kit) : null;

    public static KitDetails DetailsOf(ReadyKit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return new KitDetails(kit.Title, kit.LevelId, kit.Focus, kit.InstructionsMarkdown);
    }

    /// <summary>A copy of the kit among the caller's kits; null when there is no such loop or kit.</summary>
    public async Task<ReadyMadeOutcome?> CopyKitAsync(Viewer viewer, string loopId, string kitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (Find(loopId, kitId) is not { } found)
        {
            return null;
        }

        var outcome = await kits.CreateAsync(viewer, viewer.UserId, DetailsOf(found.Kit), found.Kit.QuestionIds, cancellationToken);
        return outcome.Done ? new ReadyMadeOutcome(outcome.Id, null) : ReadyMadeOutcome.Refused(string.Join(" ", outcome.Problems.Select(p => p.Message)));
    }

    /// <summary>
    /// A new plan named <paramref name="title"/> with the loop's interviews in order, each with its own copy of the
    /// loop's kit: all of it or nothing. Null when there is no such loop; refused for anyone who is not a hiring manager.
    /// </summary>
    public async Task<ReadyMadeOutcome?> StartPlanAsync(Viewer viewer, string loopId, string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (Catalogue.FindLoop(loopId) is not { } loop)
        {
            return null;
        }

        if (!viewer.Holds(AppRoles.HiringManager))
        {
            return ReadyMadeOutcome.Refused("Only a hiring manager runs interview plans; copy the kits you need instead.");
        }

        if (PlanService.CheckTitle(title) is { } problem)
        {
            return ReadyMadeOutcome.Refused(problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await plans.CreateAsync(viewer, title, cancellationToken) is not { } planId)
        {
            return ReadyMadeOutcome.Refused("The plan could not be created.");
        }

        foreach (var kit in loop.Kits)
        {
            var created = await kits.CreateAsync(viewer, viewer.UserId, DetailsOf(kit), kit.QuestionIds, cancellationToken);
            var failure = created.Done
                ? await plans.AddInterviewAsync(viewer, planId, kit.Title, created.Id, cancellationToken)
                : string.Join(" ", created.Problems.Select(p => p.Message));
            if (failure is not null)
            {
                return ReadyMadeOutcome.Refused($"{kit.Title}: {failure}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ReadyMadeOutcome(planId, null);
    }
}
