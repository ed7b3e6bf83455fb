using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(80);
        builder.Property(u => u.NormalizedDisplayName).HasMaxLength(80).HasDefaultValue(string.Empty);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64).HasDefaultValue("UTC");
        builder.Property(u => u.TargetLevelId).HasMaxLength(80);
    }
}
