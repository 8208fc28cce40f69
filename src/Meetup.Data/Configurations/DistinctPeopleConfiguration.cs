using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class DistinctPeopleConfiguration : IEntityTypeConfiguration<DistinctPeople>
{
    public void Configure(EntityTypeBuilder<DistinctPeople> d)
    {
        d.ToTable("DistinctPeople");
        d.HasKey(x => new { x.AttendeeId, x.OtherAttendeeId });
        // Either person merged away or deleted: the pair goes with them.
        d.HasOne<Attendee>().WithMany().HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<Attendee>().WithMany().HasForeignKey(x => x.OtherAttendeeId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => x.OtherAttendeeId);
    }
}
