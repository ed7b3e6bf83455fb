using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class ImportJobDocumentConfiguration : IEntityTypeConfiguration<ImportJobDocument>
{
    public void Configure(EntityTypeBuilder<ImportJobDocument> builder)
    {
        builder.HasKey(d => d.ImportJobId);
        builder.Property(d => d.Json).IsRequired();
        builder.HasOne<ImportJob>().WithOne().HasForeignKey<ImportJobDocument>(d => d.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}
