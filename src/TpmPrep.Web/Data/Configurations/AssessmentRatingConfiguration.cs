using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AssessmentRatingConfiguration : IEntityTypeConfiguration<AssessmentRating>
{
    public void Configure(EntityTypeBuilder<AssessmentRating> builder)
    {
        builder.Property(r => r.IndicatorId).HasMaxLength(80).IsRequired();
        builder.Property(r => r.SkillId).HasMaxLength(80).IsRequired();
        builder.HasIndex(r => new { r.AssessmentId, r.IndicatorId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_AssessmentRatings_Rating", "\"Rating\" IS NULL OR \"Rating\" BETWEEN 1 AND 5"));
    }
}
