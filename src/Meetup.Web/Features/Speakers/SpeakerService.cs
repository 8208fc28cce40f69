using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Speakers;

/// <summary>The speaker directory: guests and regulars who give talks.</summary>
public sealed class SpeakerService(IDbContextFactory<MeetupDb> dbFactory, PublicUrls urls, TimeProvider time, IStringLocalizer<Strings> l)
{
    public const int MaxLinks = 10;

    public async Task<IReadOnlyList<SpeakerResource>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A directory of tens: filtered here, folded as every people search is (docs/i18n.md, Search).
        var speakers = await db.Speakers.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var typed = PeopleSearch.Of(search);
        return [.. speakers.Where(s => typed is null || typed.NameHolds(s.Name) || typed.NameHolds(s.Company)).Select(ToResource)];
    }

    public async Task<OperationResult<SpeakerResource>> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var speaker = await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return speaker is null ? NotFound(id) : OperationResult<SpeakerResource>.Ok(ToResource(speaker));
    }

    public async Task<OperationResult<SpeakerResource>> CreateAsync(SpeakerInput input, CancellationToken ct = default)
    {
        var errors = Check(input);
        if (!errors.IsEmpty)
        {
            return OperationResult<SpeakerResource>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var speaker = new Speaker { Name = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(speaker, input);
        db.Speakers.Add(speaker);
        await db.SaveChangesAsync(ct);
        return OperationResult<SpeakerResource>.Ok(ToResource(speaker));
    }

    public async Task<OperationResult<SpeakerResource>> UpdateAsync(int id, SpeakerInput input, CancellationToken ct = default)
    {
        var errors = Check(input);
        if (!errors.IsEmpty)
        {
            return OperationResult<SpeakerResource>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var speaker = await db.Speakers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (speaker is null)
        {
            return NotFound(id);
        }
        Apply(speaker, input);
        await db.SaveChangesAsync(ct);
        return OperationResult<SpeakerResource>.Ok(ToResource(speaker));
    }

    private ValidationErrors Check(SpeakerInput input)
    {
        var errors = new ValidationErrors();
        errors.CheckLine("company", input.Company, l);
        errors.CheckLine("jobTitle", input.JobTitle, l);
        errors.CheckText("bio", input.Bio, l);
        if (TextRules.LineError(input.Name, l) is { } nameError)
        {
            errors.Add("name", nameError);
        }
        else if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", l["Enter the speaker's name."]);
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add("name", l["Keep the name under 200 characters."]);
        }
        if (input.Company?.Trim().Length > 200)
        {
            errors.Add("company", l["Keep the company under 200 characters."]);
        }
        if (input.JobTitle?.Trim().Length > 200)
        {
            errors.Add("jobTitle", l["Keep the job title under 200 characters."]);
        }
        if (input.Bio?.Length > 10_000)
        {
            errors.Add("bio", l["Keep the bio under 10,000 characters."]);
        }
        var links = input.Links ?? [];
        if (links.Count > MaxLinks)
        {
            errors.Add("links", l["At most {0} links.", MaxLinks]);
        }
        foreach (var link in links)
        {
            if (!TextRules.IsSingleLine(link) || !Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("links", l["'{0}' is not a web address (https://…).", TextRules.IsSingleLine(link) ? link ?? "" : "?"]);
            }
        }
        return errors;
    }

    private static void Apply(Speaker speaker, SpeakerInput input)
    {
        speaker.Name = input.Name!.Trim();
        speaker.Company = string.IsNullOrWhiteSpace(input.Company) ? null : input.Company.Trim();
        speaker.JobTitle = string.IsNullOrWhiteSpace(input.JobTitle) ? null : input.JobTitle.Trim();
        speaker.Bio = input.Bio?.Trim() ?? "";
        speaker.Links = [.. (input.Links ?? []).Select(x => x.Trim())];
    }

    private SpeakerResource ToResource(Speaker s) => new(s.Id, s.Name, s.Company, s.JobTitle, s.Bio, s.Links, urls.Speaker(s.Id));

    private OperationResult<SpeakerResource> NotFound(int id) => OperationResult<SpeakerResource>.NotFound(l["No speaker with id {0}.", id]);
}
