using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Events;

/// <summary>What makes an event valid, apart from slug uniqueness (which needs the database).</summary>
internal static class EventRules
{
    public const int MaxCapacity = 10_000;

    public static ValidationErrors Check(EventInput input, IStringLocalizer<Strings> l)
    {
        var errors = new ValidationErrors();
        if (TextRules.LineError(input.Name, l) is { } nameError)
        {
            errors.Add("name", nameError);
        }
        else if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", l["Enter the name of the event."]);
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add("name", l["Keep the name under 200 characters."]);
        }
        if (!string.IsNullOrWhiteSpace(input.Slug) && (!TextRules.IsSingleLine(input.Slug) || !Slugs.IsValid(input.Slug.Trim())))
        {
            errors.Add("slug", l["Use lower-case letters, digits and single dashes (e.g. tokyo-k8s-study)."]);
        }
        if (TextRules.LineError(input.TimeZone, l) is { } timeZoneError)
        {
            errors.Add("timeZone", timeZoneError);
        }
        else if (input.TimeZone is not null && !TimeZones.Exists(input.TimeZone.Trim()))
        {
            errors.Add("timeZone", l["'{0}' is not a known time zone; use an IANA name such as Asia/Tokyo.", input.TimeZone]);
        }
        errors.CheckText("description", input.Description, l);
        if (input.DefaultCapacity is < 1 or > MaxCapacity)
        {
            errors.Add("defaultCapacity", l["Capacity must be between 1 and {0}.", MaxCapacity]);
        }
        if (input.CadenceWeeks is < 1 or > 52)
        {
            errors.Add("cadenceWeeks", l["The cadence must be between 1 and 52 weeks."]);
        }
        if (input.RegularMinSessions is < 1 or > 100)
        {
            errors.Add("regularMinSessions", l["Between 1 and 100 sessions."]);
        }
        if (input.RegularMinRatio is { } ratio && (double.IsNaN(ratio) || ratio <= 0 || ratio > 1))
        {
            errors.Add("regularMinRatio", l["A share above 0 and at most 1 (e.g. 0.75)."]);
        }
        if (input.AtRiskMissedSessions is < 1 or > 100)
        {
            errors.Add("atRiskMissedSessions", l["Between 1 and 100 sessions."]);
        }
        LanguageCodes.Check(input.DefaultLanguages, "defaultLanguages", errors, l);
        errors.CheckLine("defaultVenueName", input.DefaultVenueName, l);
        errors.CheckLine("defaultVenueAddress", input.DefaultVenueAddress, l);
        if (input.DefaultVenueName?.Length > 200)
        {
            errors.Add("defaultVenueName", l["Keep the venue name under 200 characters."]);
        }
        if (input.DefaultVenueAddress?.Length > 500)
        {
            errors.Add("defaultVenueAddress", l["Keep the address under 500 characters."]);
        }
        return errors;
    }
}
