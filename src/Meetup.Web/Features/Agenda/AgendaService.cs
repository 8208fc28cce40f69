using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Agenda;

/// <summary>A session's agenda: an ordered list of items, replaced as a whole (the editor saves the list it shows).</summary>
public sealed class AgendaService(IDbContextFactory<MeetupDb> dbFactory, IStringLocalizer<Strings> l)
{
    public const int MaxItems = 30;

    public async Task<OperationResult<IReadOnlyList<AgendaItemResource>>> GetAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return NotFound(sessionId);
        }
        return OperationResult<IReadOnlyList<AgendaItemResource>>.Ok(await ReadAsync(db, sessionId, ct));
    }

    public async Task<OperationResult<IReadOnlyList<AgendaItemResource>>> ReplaceAsync(int sessionId, IReadOnlyList<AgendaItemInput>? items, CancellationToken ct = default)
    {
        items ??= [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.Include(s => s.AgendaItems).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return NotFound(sessionId);
        }
        var wantedSpeakers = items.SelectMany(i => i?.SpeakerIds ?? []).Distinct().ToList();
        var speakers = await db.Speakers.Where(s => wantedSpeakers.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var errors = Check(items, speakers.Keys.ToHashSet());
        if (!errors.IsEmpty)
        {
            return OperationResult<IReadOnlyList<AgendaItemResource>>.Invalid(errors);
        }

        db.AgendaItems.RemoveRange(session.AgendaItems);
        session.AgendaItems = [.. items.Select((item, i) => new AgendaItem
        {
            Position = i,
            Title = item.Title!.Trim(),
            Kind = EnumNames.ParseSnakeCase<AgendaItemKind>(item.Kind!),
            DurationMinutes = item.DurationMinutes ?? 0,
            Speakers = [.. (item.SpeakerIds ?? []).Distinct().Select(id => speakers[id])],
        })];
        await db.SaveChangesAsync(ct);
        return OperationResult<IReadOnlyList<AgendaItemResource>>.Ok(await ReadAsync(db, sessionId, ct));
    }

    private ValidationErrors Check(IReadOnlyList<AgendaItemInput> items, HashSet<int> knownSpeakers)
    {
        var errors = new ValidationErrors();
        if (items.Count > MaxItems)
        {
            errors.Add("agenda", l["An agenda has at most {0} items.", MaxItems]);
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"agenda[{i}]";
            if (item is null)
            {
                errors.Add(at, l["Empty agenda item."]);
                continue;
            }
            if (TextRules.LineError(item.Title, l) is { } titleError)
            {
                errors.Add($"{at}.title", titleError);
            }
            else if (string.IsNullOrWhiteSpace(item.Title))
            {
                errors.Add($"{at}.title", l["Enter a title."]);
            }
            else if (item.Title.Trim().Length > 200)
            {
                errors.Add($"{at}.title", l["Keep the title under 200 characters."]);
            }
            if (!EnumNames.TryParseSnakeCase<AgendaItemKind>(item.Kind, out _))
            {
                errors.Add($"{at}.kind", l["'{0}' is not a kind; use talk, review, break, qa or lightning.", item.Kind ?? ""]);
            }
            if (item.DurationMinutes is < 0 or > 600)
            {
                errors.Add($"{at}.durationMinutes", l["The duration must be between 0 and 600 minutes."]);
            }
            foreach (var id in (item.SpeakerIds ?? []).Where(id => !knownSpeakers.Contains(id)))
            {
                errors.Add($"{at}.speakerIds", l["No speaker with id {0}.", id]);
            }
        }
        return errors;
    }

    private static async Task<IReadOnlyList<AgendaItemResource>> ReadAsync(MeetupDb db, int sessionId, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Position)
            .Select(a => new { a.Title, a.Kind, a.DurationMinutes, Speakers = a.Speakers.OrderBy(s => s.Name).Select(s => new AgendaSpeaker(s.Id, s.Name, s.Company)).ToList() })
            .ToListAsync(ct);
        return [.. items.Select(a => new AgendaItemResource(a.Title, a.Kind.ToSnakeCase(), a.DurationMinutes, [.. a.Speakers.Select(s => s.Id)], a.Speakers))];
    }

    private OperationResult<IReadOnlyList<AgendaItemResource>> NotFound(int id)
        => OperationResult<IReadOnlyList<AgendaItemResource>>.NotFound(l["No session with id {0}.", id]);
}
