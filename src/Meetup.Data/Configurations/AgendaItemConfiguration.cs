using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> a)
    {
        a.Property(x => x.Title).HasMaxLength(200);
        a.HasOne(x => x.Session).WithMany(x => x.AgendaItems).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.SessionId, x.Position });
        a.HasMany(x => x.Speakers).WithMany(x => x.AgendaItems).UsingEntity("AgendaItemSpeakers");
    }
}
