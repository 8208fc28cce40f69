namespace Meetup.Web.Features.Shared.Links;

/// <summary>Public links of the RSVP feature (absolute, for emails and API answers).</summary>
public static class RsvpLinks
{
    public static string Manage(string baseUrl, string token) => $"{baseUrl}/rsvp/{token}";

    /// <summary>"Can't come after all?": a page with one button that frees the seat (a GET changes nothing).</summary>
    public static string CantCome(string baseUrl, string token) => $"{baseUrl}/rsvp/{token}/cant-come";

    public static string NewRsvp(string baseUrl, int sessionId) => $"{baseUrl}/rsvp/new/{sessionId}";

    /// <summary>The survey behind a personal link: a manage token, or a thank-you email's survey token.</summary>
    public static string Survey(string baseUrl, string token) => $"{baseUrl}/rsvp/{token}/feedback";

    /// <summary>The survey for people in the room (the QR code on the last slide): they say who they are.</summary>
    public static string Feedback(string baseUrl, int sessionId) => $"{baseUrl}/feedback/{sessionId}";

    /// <summary>What the QR code carries: a door helper's phone camera opens the check-in page with the code filled in.</summary>
    public static string CheckInQr(string baseUrl, int sessionId, string code) => $"{baseUrl}/admin/sessions/{sessionId}/checkin?code={code}";
}
