using Meetup.Data.Entities;

namespace Meetup.Web.Features.Import;

/// <summary>What an import changes on a session that already exists: only the fields the file gives.</summary>
internal static class SessionUpdate
{
    /// <returns>Whether anything changed.</returns>
    public static bool Apply(Session session, PlannedSession planned, DateTime now)
    {
        var changed = false;
        if (planned.Title is { } title && title != session.Title)
        {
            session.Title = title;
            changed = true;
        }
        if (planned.Format is { } format && format != session.Format)
        {
            session.Format = format;
            changed = true;
        }
        if (planned.Languages is { } languages && !languages.SequenceEqual(session.Languages, StringComparer.Ordinal))
        {
            session.Languages = [.. languages];
            changed = true;
        }
        if (planned.Status is { } status && status != session.Status)
        {
            session.Status = status;
            changed = true;
        }
        if (changed)
        {
            session.UpdatedAt = now;
        }
        return changed;
    }
}
