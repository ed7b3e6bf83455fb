using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TpmPrep.Web.Data;

/// <summary>
/// The one context every service uses, on SQLite or PostgreSQL. Each provider has a thin subclass
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) only so that each has its own
/// migrations; the model is built here, once, for both.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Attempt> Attempts => Set<Attempt>();

    public DbSet<AttemptScore> AttemptScores => Set<AttemptScore>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentRating> AssessmentRatings => Set<AssessmentRating>();

    public DbSet<AssessmentAreaScore> AssessmentAreaScores => Set<AssessmentAreaScore>();

    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();

    public DbSet<PracticeSessionItem> PracticeSessionItems => Set<PracticeSessionItem>();

    public DbSet<ReviewSchedule> ReviewSchedules => Set<ReviewSchedule>();

    public DbSet<QuickReview> QuickReviews => Set<QuickReview>();

    public DbSet<AnswerDraft> AnswerDrafts => Set<AnswerDraft>();

    public DbSet<ProgressDay> ProgressDays => Set<ProgressDay>();

    public DbSet<ProgressQuestion> ProgressQuestions => Set<ProgressQuestion>();

    public DbSet<ProgressSkillMonth> ProgressSkillMonths => Set<ProgressSkillMonth>();

    public DbSet<ProgressRollupState> ProgressRollupStates => Set<ProgressRollupState>();

    public DbSet<CustomQuestion> CustomQuestions => Set<CustomQuestion>();

    public DbSet<QuestionSet> QuestionSets => Set<QuestionSet>();

    public DbSet<QuestionSetItem> QuestionSetItems => Set<QuestionSetItem>();

    public DbSet<InterviewPlan> InterviewPlans => Set<InterviewPlan>();

    public DbSet<PlanInterview> PlanInterviews => Set<PlanInterview>();

    public DbSet<PlanInterviewer> PlanInterviewers => Set<PlanInterviewer>();

    public DbSet<PlanCandidate> PlanCandidates => Set<PlanCandidate>();

    public DbSet<Scorecard> Scorecards => Set<Scorecard>();

    public DbSet<ScorecardQuestion> ScorecardQuestions => Set<ScorecardQuestion>();

    public DbSet<CoachLink> CoachLinks => Set<CoachLink>();

    public DbSet<CoachInvite> CoachInvites => Set<CoachInvite>();

    public DbSet<AccessReceipt> AccessReceipts => Set<AccessReceipt>();

    public DbSet<CommentThread> CommentThreads => Set<CommentThread>();

    public DbSet<ThreadComment> ThreadComments => Set<ThreadComment>();

    public DbSet<CoachAssignment> CoachAssignments => Set<CoachAssignment>();

    public DbSet<CoachNote> CoachNotes => Set<CoachNote>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportJobDocument> ImportJobDocuments => Set<ImportJobDocument>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    /// <summary>The Data Protection key ring, shared by every instance on one database (PostgreSQL).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        NormalizeNames();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        NormalizeNames();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>Every DateTime is UTC: written as UTC whatever its kind, read back marked as UTC (SQLite forgets the kind).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private void NormalizeNames()
    {
        foreach (var entry in ChangeTracker.Entries<AppUser>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.NormalizedDisplayName = entry.Entity.DisplayName.ToUpperInvariant();
        }
    }

    /// <summary>Every DateTime is stored and read back as UTC (internal, not private: the compiled models name it).</summary>
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>The context on SQLite, with the SQLite migrations (Data/Migrations/Sqlite).</summary>
public sealed class SqliteAppDbContext : AppDbContext
{
    public SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options)
        : base(options)
    {
        // One connection for the context's whole life (a request), given back to the pool when it is disposed. Left to
        // itself EF Core opens and closes the connection around every query, and on SQLite each open registers EF
        // Core's SQL functions on it again: the dashboard's six queries spent an eighth of their time opening and
        // closing. SQLite runs in the process, so an open connection holds nothing a pool would want back.
        Database.OpenConnection();
    }
}

/// <summary>The context on PostgreSQL, with the PostgreSQL migrations (Data/Migrations/PostgreSql).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
