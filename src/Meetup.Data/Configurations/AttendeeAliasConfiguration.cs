using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class AttendeeAliasConfiguration : IEntityTypeConfiguration<AttendeeAlias>
{
    public void Configure(EntityTypeBuilder<AttendeeAlias> a)
    {
        a.HasKey(x => x.Email);
        a.Property(x => x.Email).HasMaxLength(254);
        a.HasOne(x => x.Attendee).WithMany(x => x.Aliases).HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => x.AttendeeId);
    }
}
