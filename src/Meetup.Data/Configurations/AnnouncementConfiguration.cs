using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    /// <summary>Longest subject and personal line an organizer may write.</summary>
    public const int SubjectMaxLength = 200, MessageMaxLength = 2000;

    public void Configure(EntityTypeBuilder<Announcement> t)
    {
        t.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        t.Property(x => x.Subject).HasMaxLength(SubjectMaxLength);
        t.Property(x => x.Message).HasMaxLength(MessageMaxLength);
        t.HasIndex(x => x.EventId);
        t.HasIndex(x => x.SessionId);
        t.HasIndex(x => new { x.SentAt, x.SendAt }); // the sender's "due and not sent"
    }
}

internal sealed class AnnouncementRecipientConfiguration : IEntityTypeConfiguration<AnnouncementRecipient>
{
    public void Configure(EntityTypeBuilder<AnnouncementRecipient> t)
    {
        t.HasOne(x => x.Announcement).WithMany(x => x.Recipients).HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne(x => x.Attendee).WithMany().HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        t.HasIndex(x => new { x.AnnouncementId, x.AttendeeId }).IsUnique();
        t.HasIndex(x => x.AttendeeId);
    }
}
