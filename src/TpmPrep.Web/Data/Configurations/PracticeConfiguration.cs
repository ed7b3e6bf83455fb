using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class PracticeSessionConfiguration : IEntityTypeConfiguration<PracticeSession>
{
    public void Configure(EntityTypeBuilder<PracticeSession> builder)
    {
        builder.Property(s => s.UserId).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(300).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.CreatedUtc });
    }
}

internal sealed class PracticeSessionItemConfiguration : IEntityTypeConfiguration<PracticeSessionItem>
{
    public void Configure(EntityTypeBuilder<PracticeSessionItem> builder)
    {
        builder.Property(i => i.QuestionId).HasMaxLength(80).IsRequired();
        builder.HasIndex(i => new { i.SessionId, i.Position }).IsUnique();
        builder.HasOne<Attempt>().WithMany().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReviewScheduleConfiguration : IEntityTypeConfiguration<ReviewSchedule>
{
    public void Configure(EntityTypeBuilder<ReviewSchedule> builder)
    {
        builder.Property(r => r.UserId).IsRequired();
        builder.Property(r => r.QuestionId).HasMaxLength(80).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UserId, r.QuestionId }).IsUnique();
        // Every review moves it on, so two gradings at once cannot both build on the same state.
        builder.Property(r => r.LastReviewedUtc).IsConcurrencyToken();
        // The due queue: a user's active schedules by due date.
        builder.HasIndex(r => new { r.UserId, r.Retired, r.DueUtc });
    }
}

internal sealed class AnswerDraftConfiguration : IEntityTypeConfiguration<AnswerDraft>
{
    public void Configure(EntityTypeBuilder<AnswerDraft> builder)
    {
        builder.Property(d => d.UserId).IsRequired();
        builder.Property(d => d.QuestionId).HasMaxLength(80).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(AnswerLimits.MaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.UserId, d.QuestionId }).IsUnique();
    }
}
