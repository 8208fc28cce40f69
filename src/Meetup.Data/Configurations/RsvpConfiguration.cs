using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> r)
    {
        r.HasOne(x => x.Session).WithMany(x => x.Rsvps).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Attendee).WithMany(x => x.Rsvps).HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.SessionId, x.AttendeeId }).IsUnique();
        // Seat counts and the end of the waitlist (COUNT, MAX(position)) come from this index alone, and so do the
        // retention report's confirmed (session, person) pairs: AttendeeId last makes it cover that scan.
        r.HasIndex(x => new { x.SessionId, x.Status, x.WaitlistPosition, x.AttendeeId });
        r.Property(x => x.CheckInCode).HasMaxLength(12);
        r.HasIndex(x => new { x.SessionId, x.CheckInCode }).IsUnique();
    }
}
