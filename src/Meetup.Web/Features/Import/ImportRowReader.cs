using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Import;

/// <summary>Validates the cells of one record into an <see cref="ImportRow"/>, reporting every bad cell.</summary>
internal static class ImportRowReader
{
    // Positions in ImportFields.All.
    private const int Start = 0, Title = 1, Format = 2, Languages = 3, Status = 4, Email = 5, Name = 6, Rsvp = 7, Attended = 8;

    // Lengths the database holds (see the entity configurations).
    private const int MaxTitle = 200, MaxName = 200, MaxLanguage = 35;

    public static ImportRow? Read(RowCells cells, int line, TimeZoneInfo timeZone, ImportErrors errors)
    {
        var before = errors.Count;
        void Fail(int field, ImportText message) => errors.Add(ImportError.Of(line, cells.ColumnName(field), message));

        var startText = cells.Get(Start);
        DateTime start = default;
        if (cells.SessionStart is { } fixedStart)
        {
            start = fixedStart; // a file of one session: the organizer gave its start
        }
        else if (startText.Length == 0)
        {
            Fail(Start, ImportText.Of("The session start is required."));
        }
        else if (!SessionStartText.TryParse(startText, timeZone, out start, out var why))
        {
            Fail(Start, why);
        }

        var title = NullIfEmpty(cells.Get(Title)) ?? cells.SessionTitle;
        if (title is { Length: > MaxTitle })
        {
            Fail(Title, ImportText.Of("The title is longer than {0} characters.", MaxTitle));
        }
        else if (!TextRules.IsSingleLine(title))
        {
            Fail(Title, ImportText.Of("The title contains control characters (such as NUL or a line break)."));
        }

        var formatText = cells.Get(Format);
        if (!ImportValues.TryParseFormat(formatText, out var format))
        {
            Fail(Format, ImportText.Of("'{0}' is not a session format: use in_person, online or hybrid.", formatText));
        }

        IReadOnlyList<string>? languages = null;
        if (cells.Get(Languages) is { Length: > 0 } languagesText)
        {
            languages = languagesText.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (languages.Any(l => l.Length > MaxLanguage))
            {
                Fail(Languages, ImportText.Of("Languages are codes separated by spaces, such as 'ja zh'."));
            }
        }

        var statusText = cells.Get(Status);
        if (!ImportValues.TryParseStatus(statusText, out var status))
        {
            Fail(Status, ImportText.Of("'{0}' is not a session status: use held or cancelled.", statusText.ToLowerInvariant()));
        }

        var name = NullIfEmpty(cells.Get(Name));
        if (name is { Length: > MaxName })
        {
            Fail(Name, ImportText.Of("The name is longer than {0} characters.", MaxName));
        }

        var emailText = cells.Get(Email);
        var email = cells.AccountSite is { } site
            ? AccountAddress.For(site, emailText) ?? ""
            : EmailAddress.Normalize(emailText);
        if (cells.AccountSite is { } withdrawnSite
            && (AccountAddress.IsWithdrawnName(emailText) || (emailText.Length == 0 && AccountAddress.IsWithdrawnName(name))))
        {
            // connpass's withdrawn users keep their rows but lose their account ("(退会ユーザー)" where the user name was):
            // not one person however many rows, but each row a person of its own.
            email = errors.Count > before ? "" : AccountAddress.Withdrawn(withdrawnSite, start, cells.NextWithdrawn(start));
            name = null; // "(退会ユーザー)" is no name: kept, the duplicates page would offer to merge them all
        }
        else if (emailText.Length == 0)
        {
            Fail(Email, cells.AccountSite is null
                ? ImportText.Of("The email address is required: it tells people apart.")
                : ImportText.Of("The account name is required: it tells people apart."));
        }
        else if (cells.AccountSite is null ? !EmailRules.IsAcceptable(email) : !EmailAddress.IsValid(email) || !TextRules.IsSingleLine(emailText))
        {
            Fail(Email, cells.AccountSite is null
                ? ImportText.Of("'{0}' is not a valid email address.", emailText)
                : ImportText.Of("'{0}' is too long for an account name, or holds control characters.", emailText));
        }

        // Beside an account, the e-mail the file also gives (an optional question): kept with the person.
        string? contact = null;
        if (cells.Get(ImportColumns.ContactEmail) is { Length: > 0 } contactText)
        {
            contact = EmailAddress.Normalize(contactText);
            if (!EmailAddress.IsValid(contact) || !AccountAddress.IsDeliverable(contact))
            {
                Fail(ImportColumns.ContactEmail, ImportText.Of("'{0}' is not a valid email address.", contactText));
            }
        }
        else if (!TextRules.IsSingleLine(name))
        {
            Fail(Name, ImportText.Of("The name contains control characters (such as NUL or a line break)."));
        }

        var rsvpText = cells.Get(Rsvp);
        if (!ImportValues.TryParseRsvp(rsvpText, out var rsvp))
        {
            Fail(Rsvp, ImportText.Of("'{0}' is not an RSVP status: use confirmed, waitlisted, cancelled or none.", rsvpText.ToLowerInvariant()));
        }

        var attendedText = cells.Get(Attended);
        if (!ImportValues.TryParseAttended(attendedText, out var attended))
        {
            Fail(Attended, attendedText.Length == 0
                ? ImportText.Of("Whether the person attended is required: yes or no.")
                : ImportText.Of("'{0}' is not yes or no (true/false and 1/0 work too).", attendedText));
        }

        // When they checked in, if the file says: kept as the check-in's time (else the session's start stands for it).
        DateTime? checkedInAt = null;
        if (cells.Get(ImportColumns.CheckInTime) is { Length: > 0 } timeText)
        {
            if (SessionStartText.TryParse(timeText, timeZone, out var at, out var why))
            {
                checkedInAt = attended ? at : null;
            }
            else
            {
                Fail(ImportColumns.CheckInTime, why);
            }
        }

        return errors.Count > before ? null
            : new ImportRow(line, start, title, format, languages, status, email, name, rsvp, attended, contact, checkedInAt);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>The <c>session_start</c> cell: ISO 8601 (or connpass's 2018年8月30日 10時00分), local to the event's zone or with an offset.</summary>
internal static class SessionStartText
{
    // yyyy-MM-dd or yyyy/MM/dd (Excel in Japan), 'T' or a space, minutes with optional seconds.
    private static readonly string[] IsoFormats =
        [.. from date in new[] { "yyyy-M-d", "yyyy/M/d" }
            from separator in new[] { "'T'", " " }
            from time in new[] { "H:mm", "H:mm:ss", "H:mm:ss.FFFFFFF" }
            select date + separator + time];

    // connpass's own export writes 2018年8月30日 10時00分: unambiguous, so read it rather than make people edit the file.
    private static readonly string[] JapaneseFormats =
        [.. from separator in new[] { " ", "" }
            from time in new[] { "H'時'm'分'", "H'時'm'分'ss'秒'", "H:mm", "H:mm:ss" }
            select "yyyy'年'M'月'd'日'" + separator + time];

    private static readonly string[] LocalFormats = [.. IsoFormats, .. JapaneseFormats];

    private static readonly string[] OffsetFormats = [.. IsoFormats.SelectMany(f => new[] { f + "zzz", f + "'Z'" })];

    // A study group's history: anything outside is a typo (and year 1 would not convert to UTC).
    private const int FirstYear = 1900, LastYear = 2999;

    public static bool TryParse(string text, TimeZoneInfo timeZone, out DateTime utc, out ImportText error)
    {
        utc = default;
        DateTimeOffset withOffset = default;
        // Local first: the usual case, and a value with an offset never matches a local format.
        var isLocal = DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        var hasOffset = !isLocal
            && DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out withOffset);
        if (!isLocal && !hasOffset)
        {
            error = ImportText.Of("'{0}' is not a date and time: write it in ISO 8601 like 2018-09-02 14:00 or 2018-09-02T14:00+09:00, or as 2018年9月2日 14時00分 (in the event's time zone unless it carries an offset).", text);
            return false;
        }
        if ((hasOffset ? withOffset.Year : local.Year) is < FirstYear or > LastYear)
        {
            error = ImportText.Of("'{0}' is not a year between {1} and {2}.", text, FirstYear, LastYear);
            return false;
        }
        if (!hasOffset && timeZone.IsInvalidTime(local))
        {
            error = ImportText.Of("'{0}' does not exist in {1} (the clocks skip it).", text, timeZone.Id);
            return false;
        }
        error = new("");
        utc = hasOffset ? withOffset.UtcDateTime : TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
        return true;
    }
}
