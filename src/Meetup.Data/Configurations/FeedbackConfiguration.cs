using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> f)
    {
        f.ToTable("Feedback");
        f.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne(x => x.Attendee).WithMany().HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        // One answer per (session, person); also what a session's summary scans.
        f.HasIndex(x => new { x.SessionId, x.AttendeeId }).IsUnique();
        f.HasIndex(x => x.AttendeeId);
        f.Property(x => x.NextTopic).HasMaxLength(Feedback.NextTopicMaxLength);
        f.Property(x => x.Comment).HasMaxLength(Feedback.CommentMaxLength);
        f.Property(x => x.Language).HasMaxLength(8);
    }
}
