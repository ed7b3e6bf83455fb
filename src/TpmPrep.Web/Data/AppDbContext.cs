using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TpmPrep.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Attempt> Attempts => Set<Attempt>();

    public DbSet<AttemptScore> AttemptScores => Set<AttemptScore>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentRating> AssessmentRatings => Set<AssessmentRating>();

    public DbSet<AssessmentAreaScore> AssessmentAreaScores => Set<AssessmentAreaScore>();

    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();

    public DbSet<PracticeSessionItem> PracticeSessionItems => Set<PracticeSessionItem>();

    public DbSet<ReviewSchedule> ReviewSchedules => Set<ReviewSchedule>();

    public DbSet<AnswerDraft> AnswerDrafts => Set<AnswerDraft>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
