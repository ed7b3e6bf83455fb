using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;

namespace TpmPrep.Web.Data.Configurations;

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> builder)
    {
        builder.Property(a => a.UserId).IsRequired();
        builder.Property(a => a.QuestionId).HasMaxLength(80).IsRequired();
        builder.Property(a => a.BankId).HasMaxLength(80).IsRequired();
        builder.Property(a => a.SkillId).HasMaxLength(80);
        builder.Property(a => a.QuestionTitle).HasMaxLength(200).IsRequired();
        builder.Property(a => a.QuestionTextHash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Answer).HasMaxLength(AnswerLimits.MaxLength).IsRequired();
        builder.Property(a => a.Notes).HasMaxLength(AnswerLimits.MaxNotesLength);
        builder.Property(a => a.FollowUpPrompt).HasMaxLength(1000);
        builder.Property(a => a.AudioContentType).HasMaxLength(80);
        builder.HasOne<PracticeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Threads).WithOne().HasForeignKey(t => t.AttemptId).OnDelete(DeleteBehavior.Cascade);
        // "My attempts" lists a user's attempts newest first; history per question looks up by both.
        builder.HasIndex(a => new { a.UserId, a.CreatedUtc });
        builder.HasIndex(a => new { a.UserId, a.QuestionId });
    }
}
