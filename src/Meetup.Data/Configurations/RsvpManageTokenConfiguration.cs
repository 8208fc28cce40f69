using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class RsvpManageTokenConfiguration : IEntityTypeConfiguration<RsvpManageToken>
{
    public void Configure(EntityTypeBuilder<RsvpManageToken> t)
    {
        t.HasOne(x => x.Rsvp).WithMany(x => x.ManageTokens).HasForeignKey(x => x.RsvpId).OnDelete(DeleteBehavior.Cascade);
        t.Property(x => x.Hash).HasMaxLength(64);
        t.HasIndex(x => x.Hash).IsUnique();
        t.HasIndex(x => x.RsvpId);
    }
}
