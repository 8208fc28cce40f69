using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.PublicSite;

/// <summary>What the public may see: published and cancelled sessions, never drafts. Every public query starts here.</summary>
internal static class PublicSessions
{
    public static IQueryable<Session> Visible(MeetupDb db)
        => db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Published || s.Status == SessionStatus.Cancelled);
}
