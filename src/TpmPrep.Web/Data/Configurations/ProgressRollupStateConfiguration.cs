using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class ProgressRollupStateConfiguration : IEntityTypeConfiguration<ProgressRollupState>
{
    public void Configure(EntityTypeBuilder<ProgressRollupState> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.ZoneId).HasMaxLength(100).IsRequired();
        // Every write to the user's attempts moves it on: the per-user point two writers, or a writer and a rebuild, meet at.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
