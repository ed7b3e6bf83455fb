using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AttemptScoreConfiguration : IEntityTypeConfiguration<AttemptScore>
{
    public void Configure(EntityTypeBuilder<AttemptScore> builder)
    {
        builder.Property(s => s.Criterion).HasMaxLength(200).IsRequired();
        builder.HasIndex(s => new { s.AttemptId, s.CriterionIndex }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_AttemptScores_Score", "\"Score\" BETWEEN 1 AND 4"));
    }
}
