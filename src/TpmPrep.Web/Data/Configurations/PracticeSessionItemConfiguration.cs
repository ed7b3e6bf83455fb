using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class PracticeSessionItemConfiguration : IEntityTypeConfiguration<PracticeSessionItem>
{
    public void Configure(EntityTypeBuilder<PracticeSessionItem> builder)
    {
        builder.Property(i => i.QuestionId).HasMaxLength(80).IsRequired();
        builder.HasIndex(i => new { i.SessionId, i.Position }).IsUnique();
        builder.HasOne<Attempt>().WithMany().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.SetNull);
    }
}
