namespace Meetup.Web.Features.Agenda;

public sealed record AgendaItemInput
{
    public string? Title { get; init; }
    public string? Kind { get; init; }
    public int? DurationMinutes { get; init; }
    public IReadOnlyList<int>? SpeakerIds { get; init; }
}

public sealed record AgendaSpeaker(int Id, string Name, string? Company);

public sealed record AgendaItemResource(string Title, string Kind, int DurationMinutes, IReadOnlyList<int> SpeakerIds, IReadOnlyList<AgendaSpeaker> Speakers);
