namespace Meetup.Data.Entities;

public class Speaker
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Company { get; set; }
    public string? JobTitle { get; set; }
    public string Bio { get; set; } = "";
    public List<string> Links { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public List<AgendaItem> AgendaItems { get; set; } = [];
}
