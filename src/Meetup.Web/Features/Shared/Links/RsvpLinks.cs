namespace Meetup.Web.Features.Shared.Links;

/// <summary>Public links of the RSVP feature (absolute, for emails and API answers).</summary>
public static class RsvpLinks
{
    public static string Manage(string baseUrl, string token) => $"{baseUrl}/rsvp/{token}";

    public static string NewRsvp(string baseUrl, int sessionId) => $"{baseUrl}/rsvp/new/{sessionId}";

    public static string Feedback(string baseUrl, int sessionId) => $"{baseUrl}/feedback/{sessionId}";

    /// <summary>What the QR code carries: a door helper's phone camera opens the check-in page with the code filled in.</summary>
    public static string CheckInQr(string baseUrl, int sessionId, string code) => $"{baseUrl}/admin/sessions/{sessionId}/checkin?code={code}";
}
