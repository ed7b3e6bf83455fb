using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AnswerDraftConfiguration : IEntityTypeConfiguration<AnswerDraft>
{
    public void Configure(EntityTypeBuilder<AnswerDraft> builder)
    {
        builder.Property(d => d.UserId).IsRequired();
        builder.Property(d => d.QuestionId).HasMaxLength(80).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(AnswerLimits.MaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.UserId, d.QuestionId }).IsUnique();
    }
}
