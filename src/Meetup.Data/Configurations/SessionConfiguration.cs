using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> s)
    {
        s.Property(x => x.Title).HasMaxLength(200);
        s.Property(x => x.VenueName).HasMaxLength(200);
        s.Property(x => x.VenueAddress).HasMaxLength(500);
        s.Property(x => x.OnlineUrl).HasMaxLength(2000);
        s.Property(x => x.CancelReason).HasMaxLength(1000);
        s.HasOne(x => x.Event).WithMany(x => x.Sessions).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.EventId, x.StartsAt });
    }
}
