using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

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
