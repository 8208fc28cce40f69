using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Features.Shared.PageCache;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Events;

/// <summary>Creates, edits and deletes events. One DbContext per operation.</summary>
public sealed class EventService(IDbContextFactory<MeetupDb> dbFactory, PublicUrls urls, TimeProvider time, IStringLocalizer<Strings> l, SharedRenders renders)
{
    public async Task<OperationResult<EventResource>> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return ev is null ? OperationResult<EventResource>.NotFound(l["No event with id {0}.", id]) : OperationResult<EventResource>.Ok(ev.ToResource(urls));
    }

    public async Task<OperationResult<EventResource>> CreateAsync(EventInput input, CancellationToken ct = default)
    {
        var errors = EventRules.Check(input, l);
        if (!errors.IsEmpty)
        {
            return OperationResult<EventResource>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slug = await ChooseSlugAsync(db, input, null, ct);
        if (!slug.Succeeded)
        {
            return OperationResult<EventResource>.Invalid(slug.Errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var ev = new Event { Name = input.Name!.Trim(), Slug = slug.Value!, CreatedAt = now };
        Apply(ev, input, now);
        db.Events.Add(ev);
        return await SaveAsync(db, ev, ct);
    }

    public async Task<OperationResult<EventResource>> UpdateAsync(int id, EventInput input, CancellationToken ct = default)
    {
        var errors = EventRules.Check(input, l);
        if (!errors.IsEmpty)
        {
            return OperationResult<EventResource>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return OperationResult<EventResource>.NotFound(l["No event with id {0}.", id]);
        }
        var slug = await ChooseSlugAsync(db, input, ev, ct);
        if (!slug.Succeeded)
        {
            return OperationResult<EventResource>.Invalid(slug.Errors);
        }
        ev.Name = input.Name!.Trim();
        if (ev.Slug != slug.Value)
        {
            // Old links keep working (see Event.PreviousSlugs); an address taken back is current again, not old.
            ev.PreviousSlugs = [.. ev.PreviousSlugs.Where(s => s != slug.Value && s != ev.Slug), ev.Slug];
            ev.Slug = slug.Value!;
        }
        Apply(ev, input, time.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, ev, ct);
    }

    /// <summary>Deleting an event with history would erase its retention figures: refused then.</summary>
    public async Task<OperationResult<bool>> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return OperationResult<bool>.NotFound(l["No event with id {0}.", id]);
        }
        var hasPeople = await db.Rsvps.AnyAsync(r => r.Session!.EventId == id, ct) || await db.CheckIns.AnyAsync(c => c.Session!.EventId == id, ct);
        if (hasPeople)
        {
            return OperationResult<bool>.Conflict(l["This event has RSVPs or check-ins; deleting it would erase its history. Cancel its upcoming sessions instead."]);
        }
        db.Events.Remove(ev);
        await db.SaveChangesAsync(ct);
        renders.Forget();
        return OperationResult<bool>.Ok(true);
    }

    private static void Apply(Event ev, EventInput input, DateTime now)
    {
        ev.Description = input.Description?.Trim() ?? ev.Description;
        ev.TimeZone = input.TimeZone?.Trim() ?? ev.TimeZone;
        ev.DefaultCapacity = input.DefaultCapacity ?? ev.DefaultCapacity;
        ev.DefaultLanguages = input.DefaultLanguages is null ? ev.DefaultLanguages : LanguageCodes.Normalize(input.DefaultLanguages);
        ev.DefaultVenueName = input.DefaultVenueName is null ? ev.DefaultVenueName : NullIfBlank(input.DefaultVenueName);
        ev.DefaultVenueAddress = input.DefaultVenueAddress is null ? ev.DefaultVenueAddress : NullIfBlank(input.DefaultVenueAddress);
        ev.CadenceWeeks = input.CadenceWeeks ?? ev.CadenceWeeks;
        ev.RegularMinSessions = input.RegularMinSessions ?? ev.RegularMinSessions;
        ev.RegularMinRatio = input.RegularMinRatio ?? ev.RegularMinRatio;
        ev.AtRiskMissedSessions = input.AtRiskMissedSessions ?? ev.AtRiskMissedSessions;
        ev.UpdatedAt = now;
    }

    private async Task<OperationResult<string>> ChooseSlugAsync(MeetupDb db, EventInput input, Event? existing, CancellationToken ct)
    {
        var wanted = input.Slug?.Trim();
        if (!string.IsNullOrEmpty(wanted))
        {
            var taken = await db.Events.AnyAsync(e => e.Slug == wanted && (existing == null || e.Id != existing.Id), ct);
            return taken
                ? OperationResult<string>.Invalid("slug", l["The address /events/{0} is taken by another event; choose another.", wanted])
                : OperationResult<string>.Ok(wanted);
        }
        if (existing is not null)
        {
            return OperationResult<string>.Ok(existing.Slug); // keep links stable when only the name changes
        }
        var stem = Slugs.FromName(input.Name!);
        if (stem.Length == 0)
        {
            stem = "event";
        }
        var candidate = stem;
        // A generated address avoids other events' former ones too, so old links do not change hands by accident.
        for (var n = 2; await db.Events.AnyAsync(e => e.Slug == candidate || e.PreviousSlugs.Contains(candidate), ct); n++)
        {
            candidate = $"{stem}-{n}";
        }
        return OperationResult<string>.Ok(candidate);
    }

    private async Task<OperationResult<EventResource>> SaveAsync(MeetupDb db, Event ev, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two organizers picked the same slug at the same moment; the unique index decided.
            if (await SlugTakenAsync(ev, ct))
            {
                return OperationResult<EventResource>.Invalid("slug", l["The address /events/{0} is taken by another event; choose another.", ev.Slug]);
            }
            throw;
        }
        renders.Forget(); // a new or changed address: no page may show the old meaning for a second more
        return OperationResult<EventResource>.Ok(ev.ToResource(urls));
    }

    private async Task<bool> SlugTakenAsync(Event ev, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.AnyAsync(e => e.Slug == ev.Slug && e.Id != ev.Id, ct);
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
