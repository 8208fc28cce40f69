namespace Meetup.Web.Features.Events;

/// <summary>The editor's bindable copy of an event; the service validates what it sends.</summary>
public sealed class EventForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
    public string? TimeZone { get; set; } = Data.Entities.Event.DefaultTimeZone;
    public int DefaultCapacity { get; set; } = 30;
    public int CadenceWeeks { get; set; } = 2;
    public IReadOnlyCollection<string> Languages { get; set; } = [];
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public int RegularMinSessions { get; set; } = 3;
    public int RegularMinPercent { get; set; } = 75;
    public int AtRiskMissedSessions { get; set; } = 2;

    public void Load(EventResource e)
    {
        Name = e.Name;
        Slug = e.Slug;
        Description = e.Description;
        TimeZone = e.TimeZone;
        DefaultCapacity = e.DefaultCapacity;
        CadenceWeeks = e.CadenceWeeks;
        Languages = [.. e.DefaultLanguages];
        VenueName = e.DefaultVenueName;
        VenueAddress = e.DefaultVenueAddress;
        RegularMinSessions = e.RegularMinSessions;
        RegularMinPercent = (int)Math.Round(e.RegularMinRatio * 100);
        AtRiskMissedSessions = e.AtRiskMissedSessions;
    }

    public EventInput ToInput() => new()
    {
        Name = Name,
        Slug = Slug,
        Description = Description ?? "",
        TimeZone = TimeZone ?? "",
        DefaultCapacity = DefaultCapacity,
        CadenceWeeks = CadenceWeeks,
        DefaultLanguages = [.. Languages],
        DefaultVenueName = VenueName ?? "",
        DefaultVenueAddress = VenueAddress ?? "",
        RegularMinSessions = RegularMinSessions,
        RegularMinRatio = RegularMinPercent / 100.0,
        AtRiskMissedSessions = AtRiskMissedSessions,
    };
}
