using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Slug).HasMaxLength(100);
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.DefaultVenueName).HasMaxLength(200);
        e.Property(x => x.DefaultVenueAddress).HasMaxLength(500);
    }
}
