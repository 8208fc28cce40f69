namespace Meetup.Web.Features.Import;

/// <summary>
/// The API's side of the import screen: for an export of connpass, Luma, Meetup.com or Doorkeeper
/// (<c>?source=</c>), the mapping the screen would guess — columns (<see cref="ColumnMapping.Guess"/>),
/// accounts and check-in times (<see cref="MissingColumns"/>), what values mean (<see cref="ValueChoices"/>)
/// — with the session's start and title from the query when the file names no session. Problems with
/// the query are reported like the file's, on line 0 and named by their parameter.
/// </summary>
public static class SourceMapping
{
    /// <summary>The problem of a file that cannot be read as text (or as a workbook) at all, or null.</summary>
    public static ImportError? Unreadable(UploadedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsUnreadableWorkbook)
        {
            return new ImportError(1, null, "The workbook cannot be read: send an .xlsx workbook as Excel saves it, or CSV.");
        }
        return file.FirstUnreadableLine() is { } line
            ? new ImportError(line, null, file.EncodingId == FileEncodings.ShiftJis
                ? "The file is neither UTF-8 nor Shift_JIS (Windows-31J) text. Save it as \"CSV UTF-8\" and try again."
                : $"The file is not {file.EncodingId} text. Save it as \"CSV UTF-8\" and try again.")
            : null;
    }

    public static (ColumnMapping? Mapping, IReadOnlyList<ImportError> Errors) Build(
        string source, UploadedFile file, TimeZoneInfo zone, string? sessionStart, string? sessionTitle)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(zone);
        var errors = new List<ImportError>();
        if (!ImportSources.All.Contains(source))
        {
            return Fail("source", $"'{source}' is not a source: use {string.Join(", ", ImportSources.All)}.");
        }
        if (source == ImportSources.Canonical)
        {
            return sessionStart is null && sessionTitle is null
                ? (ColumnMapping.Canonical, [])
                : Fail(sessionStart is null ? "sessionTitle" : "sessionStart",
                    "The canonical format names each row's session: sessionStart and sessionTitle are for a platform's per-event file (source=connpass, …).");
        }

        IReadOnlyList<string> headers;
        using (var text = file.OpenText())
        {
            headers = ImportParser.ReadHeaders(text);
        }
        if (headers.Count == 0)
        {
            return (null, [new ImportError(1, null, "The file is empty: a header row with the column names is required.")]);
        }

        var columns = ColumnMapping.Guess(headers).Sources.ToDictionary(p => p.Key, p => (string?)p.Value);
        var missing = MissingColumns.Guess(headers, saved: null);
        if (ImportSources.AccountSite(source) is { } site)
        {
            missing.Site = site;
            missing.ByAccount = missing.AccountColumn is not null;
        }
        else
        {
            missing.Site = "";
            missing.ByAccount = false;
        }

        if (MissingColumns.NeedsStart(columns))
        {
            if (string.IsNullOrWhiteSpace(sessionStart))
            {
                var hint = "";
                if (missing.CheckInColumn is { } column)
                {
                    using var text = file.OpenText();
                    if (CheckInTimes.Suggest(text, column, zone) is { } suggestion)
                    {
                        hint = $" Its check-in times suggest sessionStart={suggestion}.";
                    }
                }
                errors.Add(new ImportError(0, "sessionStart", "The file names no session: give its start as sessionStart=2025-01-22T19:30 (the event's local time)." + hint));
            }
            else if (SessionStartText.TryParse(sessionStart.Trim(), zone, out var utc, out var why))
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
                missing.Date = local.Date;
                missing.Time = local.TimeOfDay;
                missing.Title = sessionTitle;
            }
            else
            {
                errors.Add(ImportError.Of(0, "sessionStart", why));
            }
        }
        else if (sessionStart is not null)
        {
            errors.Add(new ImportError(0, "sessionStart", $"The file has its own start column ('{columns[ImportFields.SessionStart]}'): leave sessionStart out."));
        }
        if (sessionTitle is { Length: > 200 })
        {
            errors.Add(new ImportError(0, "sessionTitle", "The title is longer than 200 characters."));
        }

        foreach (var problem in missing.Problems(columns, zone))
        {
            switch (problem)
            {
                case MissingProblem.NoAccountColumn:
                    errors.Add(new ImportError(1, null, "No column tells people apart: the file has neither an email nor an account column."));
                    break;
                case MissingProblem.NoSite:
                    errors.Add(new ImportError(0, "source", $"The file has no email column; its people are accounts of which site? Use source={ImportSources.Connpass} or source={ImportSources.Meetup}."));
                    break;
                case MissingProblem.StartSkipped:
                    errors.Add(new ImportError(0, "sessionStart", $"'{sessionStart}' does not exist in {zone.Id} (the clocks skip it)."));
                    break;
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var values = GuessValues(file, columns);
        return (missing.ToMapping(columns, values, zone), []);
    }

    /// <summary>What the values of each enumerated column mean, as the screen guesses them before the organizer confirms.</summary>
    private static Dictionary<string, ValueMapping> GuessValues(UploadedFile file, Dictionary<string, string?> columns)
    {
        var wanted = ImportValues.Enumerated.Select(f => columns.GetValueOrDefault(f)).OfType<string>().Distinct().ToList();
        IReadOnlyDictionary<string, ColumnValues> counts;
        using (var text = file.OpenText())
        {
            counts = ColumnValues.Count(text, wanted);
        }
        var values = new Dictionary<string, ValueMapping>();
        foreach (var field in ImportValues.Enumerated)
        {
            if (columns.GetValueOrDefault(field) is { } column
                && ValueChoices.Build(field, column, counts.GetValueOrDefault(column) ?? ColumnValues.None) is { } choices)
            {
                values[field] = choices.ToMapping();
            }
        }
        return values;
    }

    private static (ColumnMapping?, IReadOnlyList<ImportError>) Fail(string parameter, string message)
        => (null, [new ImportError(0, parameter, message)]);
}
