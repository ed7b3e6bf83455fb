using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AttemptScoreConfiguration : IEntityTypeConfiguration<AttemptScore>
{
    public void Configure(EntityTypeBuilder<AttemptScore> builder)
    {
        builder.Property(s => s.Criterion).HasMaxLength(200).IsRequired();
        builder.Property(s => s.GradedById).IsRequired();
        builder.Property(s => s.GraderName).HasMaxLength(100);
        // One score per criterion per grader; the scale is the rubric's, checked where the rubric is known.
        builder.HasIndex(s => new { s.AttemptId, s.GraderRole, s.GradedById, s.CriterionIndex }).IsUnique();
    }
}
