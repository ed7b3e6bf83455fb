using Microsoft.AspNetCore.Identity;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Demo;

/// <summary>
/// A demo hiring manager with two interview kits for a Senior TPM loop, proposed by the kit generator from the shipped
/// banks (the second repeats no question of the first), so the hiring-manager side shows something on first run.
/// </summary>
public sealed class DemoHiring(UserManager<AppUser> users, KitService kits, TimeProvider clock)
{
    public const string ManagerEmail = "hiring@tpmprep.local";

    /// <summary>Creates the account and its kits; false (and nothing changed) if the account exists.</summary>
    public async Task<bool> CreateAsync(string password, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (await users.FindByEmailAsync(ManagerEmail) is not null)
        {
            return false;
        }

        var manager = new AppUser { UserName = ManagerEmail, Email = ManagerEmail, DisplayName = "Demo Hiring Manager", CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-30), TimeZoneId = "UTC" };
        var created = await users.CreateAsync(manager, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(manager, AppRoles.HiringManager);
        var viewer = new Viewer(manager.Id, new HashSet<string>(StringComparer.Ordinal) { AppRoles.HiringManager });
        var level = catalogue.Levels.Any(l => l.Id == "senior-tpm") ? "senior-tpm" : catalogue.Levels.Select(l => l.Id).FirstOrDefault();
        if (level is null)
        {
            return true;
        }

        var pool = catalogue.Banks.SelectMany(b => b.Questions).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (title, focus, instructions) in Kits)
        {
            var known = focus.Where(f => catalogue.FindSkill(f) is not null).ToList();
            if (known.Count == 0)
            {
                continue;
            }

            var proposal = KitGenerator.Propose(pool, catalogue.Levels, new KitRequest(level, known, 45, used));
            used.UnionWith(proposal.Questions.Select(q => q.Id));
            await kits.CreateAsync(viewer, manager.Id, new KitDetails(title, level, known, instructions), proposal.Questions.Select(q => q.Id).ToList(), cancellationToken);
        }

        return true;
    }

    private static readonly (string Title, string[] Focus, string Instructions)[] Kits =
    [
        ("Senior TPM loop: program execution", ["project-management", "risk-management"],
            "Forty-five minutes. Ask the questions in order and leave five minutes for the candidate's questions.\n\n"
            + "Probe for evidence: dates, numbers, who decided. Write down what the candidate said before you rate it."),
        ("Senior TPM loop: technical depth and communication", ["technical", "communication"],
            "Forty-five minutes. Let the candidate draw or describe the system first; then use the follow-ups.\n\n"
            + "Rate each criterion on what you heard, not on how confident it sounded."),
    ];
}
