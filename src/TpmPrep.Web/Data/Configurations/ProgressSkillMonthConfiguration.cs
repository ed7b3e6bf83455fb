using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class ProgressSkillMonthConfiguration : IEntityTypeConfiguration<ProgressSkillMonth>
{
    public void Configure(EntityTypeBuilder<ProgressSkillMonth> builder)
    {
        builder.HasKey(m => new { m.UserId, m.Month, m.SkillId });
        builder.Property(m => m.SkillId).HasMaxLength(80);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
