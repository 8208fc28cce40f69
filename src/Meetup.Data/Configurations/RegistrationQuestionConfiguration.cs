using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meetup.Data.Configurations;

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> q)
    {
        q.Property(x => x.Prompt).HasMaxLength(300);
        q.HasOne(x => x.Event).WithMany(x => x.Questions).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        q.HasIndex(x => new { x.EventId, x.Position });
    }
}
