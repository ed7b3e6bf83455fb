using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(64);
        // Two failures at once both count: the one that loses the race counts again on top of the other.
        builder.Property(f => f.Failures).IsConcurrencyToken();
        // Old windows are swept by age.
        builder.HasIndex(f => f.FirstFailureUtc);
    }
}
