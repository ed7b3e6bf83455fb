using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.UserId).IsRequired();
        builder.Property(j => j.FileName).HasMaxLength(200).IsRequired();
        builder.Property(j => j.Message).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        // The worker looks for the oldest waiting job; the data page lists a user's imports newest first.
        builder.HasIndex(j => new { j.Status, j.CreatedUtc });
        builder.HasIndex(j => new { j.UserId, j.CreatedUtc });
    }
}
