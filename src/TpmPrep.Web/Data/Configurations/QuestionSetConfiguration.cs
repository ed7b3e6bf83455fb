using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class QuestionSetConfiguration : IEntityTypeConfiguration<QuestionSet>
{
    public void Configure(EntityTypeBuilder<QuestionSet> builder)
    {
        builder.Property(s => s.OwnerId).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(KitLimits.MaxTitleLength).IsRequired();
        builder.Property(s => s.LevelId).HasMaxLength(80);
        builder.Property(s => s.FocusSkills).HasMaxLength(600).IsRequired();
        builder.Property(s => s.Instructions).HasMaxLength(KitLimits.MaxInstructionsLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SetId).OnDelete(DeleteBehavior.Cascade);
        // A person's kits (or sets), latest change first.
        builder.HasIndex(s => new { s.OwnerId, s.Purpose, s.UpdatedUtc });
    }
}

internal sealed class QuestionSetItemConfiguration : IEntityTypeConfiguration<QuestionSetItem>
{
    public void Configure(EntityTypeBuilder<QuestionSetItem> builder)
    {
        builder.Property(i => i.QuestionId).HasMaxLength(80).IsRequired();
        builder.HasIndex(i => new { i.SetId, i.Position });
    }
}
