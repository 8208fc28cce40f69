using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> t)
    {
        t.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne(x => x.Attendee).WithMany().HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        t.Property(x => x.Language).HasMaxLength(16);
        t.HasIndex(x => new { x.EventId, x.AttendeeId }).IsUnique();
        t.HasIndex(x => x.AttendeeId);
    }
}
