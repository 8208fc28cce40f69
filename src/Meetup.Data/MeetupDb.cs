using Meetup.Data.Conventions;
using Meetup.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Data;

/// <summary>
/// The one database of the app: domain tables, Identity accounts and the shared Data Protection
/// key ring (so several app instances can read each other's cookies and tokens).
/// </summary>
public class MeetupDb(DbContextOptions<MeetupDb> options)
    : IdentityDbContext<OrganizerUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<Attendee> Attendees => Set<Attendee>();
    public DbSet<AttendeeAlias> AttendeeAliases => Set<AttendeeAlias>();
    public DbSet<DistinctPeople> DistinctPeople => Set<DistinctPeople>();
    public DbSet<Rsvp> Rsvps => Set<Rsvp>();
    public DbSet<RsvpManageToken> RsvpManageTokens => Set<RsvpManageToken>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<FeedbackLink> FeedbackLinks => Set<FeedbackLink>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<SubscriptionLink> SubscriptionLinks => Set<SubscriptionLink>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<AnnouncementRecipient> AnnouncementRecipients => Set<AnnouncementRecipient>();
    public DbSet<RegistrationQuestion> RegistrationQuestions => Set<RegistrationQuestion>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MeetupDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<SessionFormat>().HaveConversion<SnakeCaseEnumConverter<SessionFormat>>().HaveMaxLength(16);
        configurationBuilder.Properties<SessionStatus>().HaveConversion<SnakeCaseEnumConverter<SessionStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<AgendaItemKind>().HaveConversion<SnakeCaseEnumConverter<AgendaItemKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<RsvpStatus>().HaveConversion<SnakeCaseEnumConverter<RsvpStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<CheckInMethod>().HaveConversion<SnakeCaseEnumConverter<CheckInMethod>>().HaveMaxLength(16);
        configurationBuilder.Properties<QuestionKind>().HaveConversion<SnakeCaseEnumConverter<QuestionKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<FeedbackPace>().HaveConversion<SnakeCaseEnumConverter<FeedbackPace>>().HaveMaxLength(16);
        configurationBuilder.Properties<FeedbackLength>().HaveConversion<SnakeCaseEnumConverter<FeedbackLength>>().HaveMaxLength(16);
        configurationBuilder.Properties<FeedbackComeNext>().HaveConversion<SnakeCaseEnumConverter<FeedbackComeNext>>().HaveMaxLength(16);
        configurationBuilder.Properties<SubscriptionStatus>().HaveConversion<SnakeCaseEnumConverter<SubscriptionStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<SubscriptionLinkPurpose>().HaveConversion<SnakeCaseEnumConverter<SubscriptionLinkPurpose>>().HaveMaxLength(16);
        configurationBuilder.Properties<AnnouncementAudience>().HaveConversion<SnakeCaseEnumConverter<AnnouncementAudience>>().HaveMaxLength(16);
        configurationBuilder.Properties<NotificationKind>().HaveConversion<SnakeCaseEnumConverter<NotificationKind>>().HaveMaxLength(32);
    }
}
