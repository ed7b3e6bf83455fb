using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AssessmentAreaScoreConfiguration : IEntityTypeConfiguration<AssessmentAreaScore>
{
    public void Configure(EntityTypeBuilder<AssessmentAreaScore> builder)
    {
        builder.Property(s => s.SkillId).HasMaxLength(80).IsRequired();
        builder.HasIndex(s => new { s.AssessmentId, s.SkillId }).IsUnique();
    }
}
