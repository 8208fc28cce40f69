using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Sessions;

/// <summary>What the editor asks before publishing a session.</summary>
internal static class PublishQuestion
{
    /// <summary>
    /// It becomes public; when RSVP opens (<paramref name="opensLater"/> in UTC, null: right away); whether the form's
    /// changes are saved first; and whether title or description are still copied from <paramref name="copiedFrom"/>.
    /// </summary>
    public static string Text(IStringLocalizer<Strings> l, DateTime? opensLater, string timeZone, bool savesFirst, string? copiedFrom)
    {
        List<string> lines = [l["It becomes visible on the public pages and in the calendar feed."]];
        lines.Add(opensLater is { } opens ? l["RSVP opens {0}.", Labels.When(opens, timeZone)] : l["RSVP opens right away."]);
        if (savesFirst)
        {
            lines.Add(l["Your changes are saved first."]);
        }
        if (copiedFrom is not null)
        {
            lines.Add(l["The title or description is still copied from {0}.", copiedFrom]);
        }
        return Sentences(lines);
    }

    // Japanese and Chinese sentences end in a full-width stop and follow each other without a space.
    private static string Sentences(List<string> lines)
        => string.Concat(lines.Select((line, i) => i == 0 || lines[i - 1].EndsWith('。') ? line : " " + line));
}
