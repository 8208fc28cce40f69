namespace Meetup.Web.Features.Events;

/// <summary>The fields an organizer gives an event, in the API and the editor alike.</summary>
public sealed record EventInput
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? TimeZone { get; init; }
    public string? Description { get; init; }
    public int? DefaultCapacity { get; init; }
    public IReadOnlyList<string>? DefaultLanguages { get; init; }
    public string? DefaultVenueName { get; init; }
    public string? DefaultVenueAddress { get; init; }
    public int? CadenceWeeks { get; init; }

    /// <summary>Retention thresholds (docs/retention.md): a regular came to at least this many sessions…</summary>
    public int? RegularMinSessions { get; init; }

    /// <summary>…and to at least this share of the sessions since their first.</summary>
    public double? RegularMinRatio { get; init; }

    /// <summary>A regular who missed this many sessions in a row is at risk.</summary>
    public int? AtRiskMissedSessions { get; init; }
}
