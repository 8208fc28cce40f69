using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class FeedbackLinkConfiguration : IEntityTypeConfiguration<FeedbackLink>
{
    public void Configure(EntityTypeBuilder<FeedbackLink> t)
    {
        t.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne(x => x.Attendee).WithMany().HasForeignKey(x => x.AttendeeId).OnDelete(DeleteBehavior.Cascade);
        t.Property(x => x.Hash).HasMaxLength(64);
        t.HasIndex(x => x.Hash).IsUnique();
        t.HasIndex(x => new { x.SessionId, x.AttendeeId });
        t.HasIndex(x => x.AttendeeId);
    }
}
