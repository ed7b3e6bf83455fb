using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Data.Configurations;

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
