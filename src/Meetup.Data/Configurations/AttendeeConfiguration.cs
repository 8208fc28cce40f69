using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class AttendeeConfiguration : IEntityTypeConfiguration<Attendee>
{
    public void Configure(EntityTypeBuilder<Attendee> a)
    {
        a.Property(x => x.Email).HasMaxLength(254);
        // Unique among the living; erased people (null email) do not collide on either provider.
        a.HasIndex(x => x.Email).IsUnique();
        a.Property(x => x.DisplayName).HasMaxLength(200);
        a.Property(x => x.PreferredLanguage).HasMaxLength(16);
    }
}
