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
