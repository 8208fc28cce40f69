using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Announcements.Organizer;

/// <summary>The sessions of an event that were announced, each with a line naming the audiences and recipients (the dashboard's marks).</summary>
public static class AnnouncedSessions
{
    public static async Task<IReadOnlyDictionary<int, string>> ReadAsync(AnnouncementService announcements, int eventId, IStringLocalizer<Strings> L, CancellationToken ct = default)
    {
        var sent = ((await announcements.ListAsync(eventId, ct)).Value ?? []).Where(a => a.SentAt is not null && a.CancelledAt is null);
        return sent.GroupBy(a => a.SessionId).ToDictionary(
            g => g.Key,
            g => Punctuation.List(g.OrderBy(a => a.SentAt).Select(a =>
                L["Announced to {0}: {1} people", AnnounceAudiences.Label(L, a.Audience), a.Recipients].Value)));
    }
}
