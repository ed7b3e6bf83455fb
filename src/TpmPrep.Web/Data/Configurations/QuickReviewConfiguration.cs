using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class QuickReviewConfiguration : IEntityTypeConfiguration<QuickReview>
{
    public void Configure(EntityTypeBuilder<QuickReview> builder)
    {
        builder.Property(r => r.UserId).IsRequired();
        builder.Property(r => r.QuestionId).HasMaxLength(80).IsRequired();
        builder.Property(r => r.Outline).HasMaxLength(ReviewLimits.MaxOutlineLength).IsRequired();
        builder.Property(r => r.Covered).HasMaxLength(400).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // A person's quick reviews, newest first; today's count for the daily cap.
        builder.HasIndex(r => new { r.UserId, r.CreatedUtc });
    }
}
