using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.UserId).IsRequired();
        builder.Property(a => a.TargetLevelId).HasMaxLength(80).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.AreaScores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // History lists a user's assessments by date; the resume link looks for the unfinished one.
        builder.HasIndex(a => new { a.UserId, a.CompletedUtc });
        // At most one assessment in progress per person, whatever the timing of two "start" requests.
        builder.HasIndex(a => a.UserId).IsUnique().HasFilter("\"CompletedUtc\" IS NULL").HasDatabaseName("IX_Assessments_OneInProgress");
    }
}

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

internal sealed class AssessmentAreaScoreConfiguration : IEntityTypeConfiguration<AssessmentAreaScore>
{
    public void Configure(EntityTypeBuilder<AssessmentAreaScore> builder)
    {
        builder.Property(s => s.SkillId).HasMaxLength(80).IsRequired();
        builder.HasIndex(s => new { s.AssessmentId, s.SkillId }).IsUnique();
    }
}
