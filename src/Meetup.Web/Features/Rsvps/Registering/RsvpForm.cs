namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>The fields of the public RSVP form (names in the posted form: Form.Name, Form.Answers[12] …).</summary>
public sealed class RsvpForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
    public Dictionary<string, string>? Answers { get; set; } = [];

    /// <summary>"Tell me about new sessions": unchecked unless ticked; the RSVP's email then asks to confirm the follow.</summary>
    public bool Subscribe { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by form bots.</summary>
    public string? Website { get; set; }

    public RsvpInput ToInput() => new()
    {
        Name = Name,
        Email = Email,
        Language = Language,
        Answers = (Answers ?? []).ToDictionary(a => a.Key, a => (string?)a.Value),
        Subscribe = Subscribe,
    };
}
