using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class CustomQuestionConfiguration : IEntityTypeConfiguration<CustomQuestion>
{
    public void Configure(EntityTypeBuilder<CustomQuestion> builder)
    {
        builder.Property(q => q.AuthorId).IsRequired();
        builder.Property(q => q.Title).HasMaxLength(200).IsRequired();
        builder.Property(q => q.Markdown).HasMaxLength(CustomQuestionLimits.MaxLength).IsRequired();
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // "My questions" lists an author's questions, latest change first.
        builder.HasIndex(q => new { q.AuthorId, q.UpdatedUtc });
    }
}
