namespace Meetup.Data.Entities;

public class AgendaItem
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public AgendaItemKind Kind { get; set; } = AgendaItemKind.Talk;
    public int DurationMinutes { get; set; }
    public List<Speaker> Speakers { get; set; } = [];
}
