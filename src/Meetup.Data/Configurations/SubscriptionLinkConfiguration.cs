using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class SubscriptionLinkConfiguration : IEntityTypeConfiguration<SubscriptionLink>
{
    public void Configure(EntityTypeBuilder<SubscriptionLink> t)
    {
        t.HasOne(x => x.Subscription).WithMany(x => x.Links).HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        t.Property(x => x.Hash).HasMaxLength(64);
        t.HasIndex(x => x.Hash).IsUnique();
        t.HasIndex(x => x.SubscriptionId);
    }
}
