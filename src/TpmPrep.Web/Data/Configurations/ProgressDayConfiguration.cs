using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class ProgressDayConfiguration : IEntityTypeConfiguration<ProgressDay>
{
    public void Configure(EntityTypeBuilder<ProgressDay> builder)
    {
        builder.HasKey(d => new { d.UserId, d.Day });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
