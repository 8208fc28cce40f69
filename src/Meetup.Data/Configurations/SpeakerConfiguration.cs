using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> s)
    {
        s.Property(x => x.Name).HasMaxLength(200);
        s.Property(x => x.Company).HasMaxLength(200);
        s.Property(x => x.JobTitle).HasMaxLength(200);
        s.HasIndex(x => x.Name);
    }
}
