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

internal sealed class CommentThreadConfiguration : IEntityTypeConfiguration<CommentThread>
{
    public void Configure(EntityTypeBuilder<CommentThread> builder)
    {
        builder.Property(t => t.CandidateId).IsRequired();
        builder.Property(t => t.CoachName).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Criterion).HasMaxLength(200);
        builder.HasIndex(t => t.AttemptId);
        builder.HasIndex(t => new { t.CandidateId, t.CoachId });
        // The coach's account may go; the thread is the candidate's and stays, without the coach's id.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.CoachId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Comments).WithOne().HasForeignKey(c => c.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreadCommentConfiguration : IEntityTypeConfiguration<ThreadComment>
{
    public void Configure(EntityTypeBuilder<ThreadComment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Body).HasMaxLength(TpmPrep.Web.Coaching.CoachingLimits.CommentLength).IsRequired();
        builder.HasIndex(c => new { c.ThreadId, c.CreatedUtc });
    }
}

internal sealed class CoachAssignmentConfiguration : IEntityTypeConfiguration<CoachAssignment>
{
    public void Configure(EntityTypeBuilder<CoachAssignment> builder)
    {
        builder.Property(a => a.CandidateId).IsRequired();
        builder.Property(a => a.CoachId).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.QuestionIds).HasMaxLength(4000).IsRequired();
        builder.HasIndex(a => new { a.CandidateId, a.DueUtc });
        builder.HasIndex(a => new { a.CoachId, a.CandidateId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CoachId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PracticeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CoachNoteConfiguration : IEntityTypeConfiguration<CoachNote>
{
    public void Configure(EntityTypeBuilder<CoachNote> builder)
    {
        builder.Property(n => n.CoachId).IsRequired();
        builder.Property(n => n.CandidateId).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(TpmPrep.Web.Coaching.CoachingLimits.NoteLength).IsRequired();
        builder.HasIndex(n => new { n.CoachId, n.CandidateId }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.CoachId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
