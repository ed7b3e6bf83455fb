using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class CoachLinkConfiguration : IEntityTypeConfiguration<CoachLink>
{
    public void Configure(EntityTypeBuilder<CoachLink> builder)
    {
        builder.Property(l => l.CandidateId).IsRequired();
        builder.Property(l => l.CoachId).IsRequired();
        builder.HasIndex(l => new { l.CandidateId, l.CoachId }).IsUnique();
        builder.HasIndex(l => new { l.CoachId, l.Status });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.CoachId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoachInviteConfiguration : IEntityTypeConfiguration<CoachInvite>
{
    public void Configure(EntityTypeBuilder<CoachInvite> builder)
    {
        builder.Property(i => i.CandidateId).IsRequired();
        builder.Property(i => i.CodeHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.BoundEmail).HasMaxLength(256);
        builder.Property(i => i.UsedUtc).IsConcurrencyToken();
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => new { i.CandidateId, i.CreatedUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessReceiptConfiguration : IEntityTypeConfiguration<AccessReceipt>
{
    public void Configure(EntityTypeBuilder<AccessReceipt> builder)
    {
        builder.Property(r => r.CandidateId).IsRequired();
        builder.Property(r => r.CoachId).IsRequired();
        builder.Property(r => r.Path).HasMaxLength(200).IsRequired();
        builder.HasIndex(r => new { r.CandidateId, r.AtUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CoachId).OnDelete(DeleteBehavior.Cascade);
    }
}
