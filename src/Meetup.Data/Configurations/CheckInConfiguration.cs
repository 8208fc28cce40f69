using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> c)
    {
        c.HasOne(x => x.Session).WithMany(x => x.CheckIns).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.Attendee).WithMany(x => x.CheckIns).HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        // One check-in per (session, person); also the covering index the retention report scans.
        c.HasIndex(x => new { x.SessionId, x.AttendeeId }).IsUnique();
        c.HasIndex(x => x.AttendeeId);
        c.Property(x => x.ByUserId).HasMaxLength(450);
    }
}
