using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class InterviewPlanConfiguration : IEntityTypeConfiguration<InterviewPlan>
{
    public void Configure(EntityTypeBuilder<InterviewPlan> builder)
    {
        builder.Property(p => p.OwnerId).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(PlanLimits.MaxTitleLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Interviews).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Candidates).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OwnerId, p.UpdatedUtc });
    }
}

internal sealed class PlanInterviewConfiguration : IEntityTypeConfiguration<PlanInterview>
{
    public void Configure(EntityTypeBuilder<PlanInterview> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(PlanLimits.MaxTitleLength).IsRequired();
        builder.HasOne<QuestionSet>().WithMany().HasForeignKey(i => i.KitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Interviewers).WithOne().HasForeignKey(p => p.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.PlanId, i.Position });
    }
}

internal sealed class PlanInterviewerConfiguration : IEntityTypeConfiguration<PlanInterviewer>
{
    public void Configure(EntityTypeBuilder<PlanInterviewer> builder)
    {
        builder.Property(i => i.UserId).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.InterviewId, i.UserId }).IsUnique();
        // "The plans I interview on": looked up by the interviewer.
        builder.HasIndex(i => i.UserId);
    }
}

internal sealed class PlanCandidateConfiguration : IEntityTypeConfiguration<PlanCandidate>
{
    public void Configure(EntityTypeBuilder<PlanCandidate> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(PlanLimits.MaxNameLength).IsRequired();
        builder.Property(c => c.Notes).HasMaxLength(PlanLimits.MaxNotesLength).IsRequired();
        builder.Property(c => c.DecisionRationale).HasMaxLength(PlanLimits.MaxNotesLength).IsRequired();
        builder.HasIndex(c => c.PlanId);
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.Property(s => s.InterviewerId).IsRequired();
        builder.Property(s => s.AreaScores).HasMaxLength(400).IsRequired();
        builder.Property(s => s.Summary).HasMaxLength(PlanLimits.MaxNotesLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<PlanCandidate>().WithMany().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanInterview>().WithMany().HasForeignKey(s => s.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.InterviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        // One card per interviewer, candidate and interview.
        builder.HasIndex(s => new { s.CandidateId, s.InterviewId, s.InterviewerId }).IsUnique();
    }
}

internal sealed class ScorecardQuestionConfiguration : IEntityTypeConfiguration<ScorecardQuestion>
{
    public void Configure(EntityTypeBuilder<ScorecardQuestion> builder)
    {
        builder.Property(q => q.QuestionId).HasMaxLength(80).IsRequired();
        builder.Property(q => q.Evidence).HasMaxLength(PlanLimits.MaxNotesLength).IsRequired();
        builder.Property(q => q.Ratings).HasMaxLength(200).IsRequired();
        builder.HasIndex(q => new { q.ScorecardId, q.QuestionId }).IsUnique();
    }
}
