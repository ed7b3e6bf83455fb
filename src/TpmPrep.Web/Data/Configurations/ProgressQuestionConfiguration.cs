using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class ProgressQuestionConfiguration : IEntityTypeConfiguration<ProgressQuestion>
{
    public void Configure(EntityTypeBuilder<ProgressQuestion> builder)
    {
        builder.HasKey(q => new { q.UserId, q.QuestionId });
        builder.Property(q => q.QuestionId).HasMaxLength(80);
        builder.Property(q => q.BankId).HasMaxLength(80).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
