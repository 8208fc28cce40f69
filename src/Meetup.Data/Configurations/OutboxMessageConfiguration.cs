using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> o)
    {
        o.Property(x => x.DedupeKey).HasMaxLength(200);
        o.HasIndex(x => x.DedupeKey).IsUnique();
        o.Property(x => x.Recipient).HasMaxLength(254);
        o.Property(x => x.Culture).HasMaxLength(16);
        o.Property(x => x.ClaimToken).HasMaxLength(64);
        o.Property(x => x.LastError).HasMaxLength(2000);
        o.Property(x => x.Subject).HasMaxLength(500);
        // The sender's scan: due, unsent rows (sent and abandoned rows have no next attempt).
        o.HasIndex(x => x.NextAttemptAt);
        o.HasIndex(x => x.SessionId);
        o.HasIndex(x => x.RsvpId);
        // No foreign keys on purpose: the outbox is a log of what was sent, it outlives what it reported.
    }
}
