namespace Meetup.Data.Entities;

public class CheckIn
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }
    public DateTime At { get; set; }
    public CheckInMethod Method { get; set; }

    /// <summary>The organizer account that checked the person in; null for self-service and imports.</summary>
    public string? ByUserId { get; set; }
}
