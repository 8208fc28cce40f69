using Meetup.Web.Features.Retention.Dashboard;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Announcements.Organizer;

/// <summary>The dashboard's marks of announced sessions, each naming the audiences and recipients.</summary>
internal sealed class AnnouncedSessions(AnnouncementService announcements, IStringLocalizer<Strings> L) : ISessionMarks
{
    public async Task<IReadOnlyDictionary<int, string>> ReadAsync(int eventId, CancellationToken ct = default)
    {
        var sent = ((await announcements.ListAsync(eventId, ct)).Value ?? []).Where(a => a.SentAt is not null && a.CancelledAt is null);
        return sent.GroupBy(a => a.SessionId).ToDictionary(
            g => g.Key,
            g => Punctuation.List(g.OrderBy(a => a.SentAt).Select(a =>
                (a.Recipients == 1
                    ? L["Announced to {0}: 1 person", AnnounceAudiences.Label(L, a.Audience)]
                    : L["Announced to {0}: {1} people", AnnounceAudiences.Label(L, a.Audience), a.Recipients]).Value)));
    }
}
