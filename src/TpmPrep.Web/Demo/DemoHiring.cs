using Microsoft.AspNetCore.Identity;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Demo;

/// <summary>
/// A demo hiring manager with two interview kits for a Senior TPM loop, proposed by the kit generator from the shipped
/// banks (the second repeats no question of the first), a plan using them with two demo interviewers, two candidates and
/// submitted scorecards that disagree, so the hiring-manager side and the debrief show something on first run.
/// </summary>
public sealed class DemoHiring(UserManager<AppUser> users, KitService kits, AppDbContext db, TimeProvider clock)
{
    public const string ManagerEmail = "hiring@tpmprep.local";

    public static IReadOnlyList<string> InterviewerEmails { get; } = ["interviewer1@tpmprep.local", "interviewer2@tpmprep.local"];

    /// <summary>Creates the account and its kits; false (and nothing changed) if the account exists.</summary>
    public async Task<bool> CreateAsync(string password, ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (await users.FindByEmailAsync(ManagerEmail) is not null)
        {
            return false;
        }

        var manager = await CreateUserAsync(ManagerEmail, "Demo Hiring Manager", password);
        var interviewers = new List<AppUser>();
        foreach (var (email, n) in InterviewerEmails.Select((e, n) => (e, n)))
        {
            interviewers.Add(await users.FindByEmailAsync(email) ?? await CreateUserAsync(email, n == 0 ? "Irene Interviewer" : "Ivan Interviewer", password));
        }

        var viewer = new Viewer(manager.Id, new HashSet<string>(StringComparer.Ordinal) { AppRoles.HiringManager });
        var level = catalogue.Levels.Any(l => l.Id == "senior-tpm") ? "senior-tpm" : catalogue.Levels.Select(l => l.Id).FirstOrDefault();
        if (level is null)
        {
            return true;
        }

        var pool = catalogue.Banks.SelectMany(b => b.Questions).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var made = new List<(int KitId, string Title, IReadOnlyList<string> Focus, IReadOnlyList<Question> Questions)>();
        foreach (var (title, focus, instructions) in Kits)
        {
            var known = focus.Where(f => catalogue.FindSkill(f) is not null).ToList();
            if (known.Count == 0)
            {
                continue;
            }

            var proposal = KitGenerator.Propose(pool, catalogue.Levels, new KitRequest(level, known, 45, used));
            used.UnionWith(proposal.Questions.Select(q => q.Id));
            var outcome = await kits.CreateAsync(viewer, manager.Id, new KitDetails(title, level, known, instructions), proposal.Questions.Select(q => q.Id).ToList(), cancellationToken);
            if (outcome.Id is { } kitId)
            {
                made.Add((kitId, title, known, proposal.Questions));
            }
        }

        if (made.Count == 2)
        {
            await AddPlanAsync(manager, interviewers, made, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// The plan: the first interview run by both interviewers, the second by the second one. Alex has every card in, and
    /// the two disagree by two points on a focus area and on the recommendation; Sam still misses one card.
    /// </summary>
    private async Task AddPlanAsync(AppUser manager, List<AppUser> interviewers, List<(int KitId, string Title, IReadOnlyList<string> Focus, IReadOnlyList<Question> Questions)> made, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new InterviewPlan { OwnerId = manager.Id, Title = "Senior TPM, platform", CreatedUtc = now.AddDays(-10), UpdatedUtc = now.AddDays(-1) };
        var execution = new PlanInterview { Position = 1, Title = "Program execution", KitId = made[0].KitId, Interviewers = [new() { UserId = interviewers[0].Id }, new() { UserId = interviewers[1].Id }] };
        var technical = new PlanInterview { Position = 2, Title = "Technical depth and communication", KitId = made[1].KitId, Interviewers = [new() { UserId = interviewers[1].Id }] };
        plan.Interviews.AddRange([execution, technical]);
        var alex = new PlanCandidate { Name = "Alex Rivera", Notes = "Referred by the platform team." };
        var sam = new PlanCandidate { Name = "Sam Okafor", Notes = "Applied through the careers page." };
        plan.Candidates.AddRange([alex, sam]);
        db.InterviewPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);

        // (candidate, interview, interviewer, rating of the first focus area, of the others, recommendation)
        var cards = new (PlanCandidate Candidate, PlanInterview Interview, int Interviewer, IReadOnlyList<string> Focus, IReadOnlyList<Question> Questions, int First, int Others, int Recommendation)[]
        {
            (alex, execution, 0, made[0].Focus, made[0].Questions, 4, 3, 4),
            (alex, execution, 1, made[0].Focus, made[0].Questions, 2, 3, 2),
            (alex, technical, 1, made[1].Focus, made[1].Questions, 3, 3, 3),
            (sam, execution, 0, made[0].Focus, made[0].Questions, 3, 2, 2),
        };
        foreach (var card in cards)
        {
            var areas = card.Focus.Select((f, i) => KeyValuePair.Create(f, i == 0 ? card.First : card.Others));
            db.Scorecards.Add(new Scorecard
            {
                CandidateId = card.Candidate.Id, InterviewId = card.Interview.Id, InterviewerId = interviewers[card.Interviewer].Id,
                AreaScores = ScorecardScales.FormatAreas(areas), Recommendation = card.Recommendation,
                Summary = card.Recommendation >= 3 ? "Structured, used numbers, owned the trade-offs." : "Stayed general; the dependency risk came up only when prompted.",
                UpdatedUtc = now.AddDays(-2), SubmittedUtc = now.AddDays(-2), Version = 2,
                Questions = card.Questions.Select(q => new ScorecardQuestion
                {
                    QuestionId = q.Id,
                    Evidence = card.Recommendation >= 3 ? "Laid out the plan in phases with dates and named an owner for each risk." : "Described the goal well but gave no dates or owners when asked.",
                    Ratings = ScorecardScales.FormatRatings(q.Rubric.Select(_ => Math.Clamp(card.Recommendation >= 3 ? card.First - 1 : card.First, 1, q.RubricLevels))),
                }).ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<AppUser> CreateUserAsync(string email, string name, string password)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-30), TimeZoneId = "UTC" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, AppRoles.HiringManager);
        return user;
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
