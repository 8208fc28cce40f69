namespace Meetup.Tests.Security;

/// <summary>What a caller gets from a route: let through, or refused in one of the ways the app refuses.</summary>
public enum Access
{
    /// <summary>Past authorization: any answer below 500 other than the refusals below (a 400 for an empty body counts).</summary>
    Allowed,

    /// <summary>401: the API wants a bearer token.</summary>
    Unauthorized,

    /// <summary>403: signed in, but the role may not.</summary>
    Forbidden,

    /// <summary>302 to /account/login: a page or download that needs a signed-in account.</summary>
    ToLogin,

    /// <summary>302 to /account/access-denied ("Not for your role").</summary>
    ToAccessDenied,

    /// <summary>404: nothing there for this caller (an unknown manage link reveals nothing).</summary>
    NotFound,
}

/// <summary>The expected answer per caller. "Attendee" is an anonymous caller holding a real manage link.</summary>
public sealed record Rule(Access Anonymous, Access Attendee, Access DoorHelper, Access Organizer, Access Admin)
{
    public Access For(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.Attendee => Attendee,
        Caller.DoorHelper => DoorHelper,
        Caller.Organizer => Organizer,
        _ => Admin,
    };
}

public enum Caller { Anonymous, Attendee, DoorHelper, Organizer, Admin }

/// <summary>
/// Who may call what: one line per route and method the app maps (SECURITY.md, "Who may do what", says the same
/// in words). <see cref="RouteAccessTests"/> fails for a route missing here, so no route ships unreviewed.
/// </summary>
public static class RoutePolicy
{
    private const Access A = Access.Allowed, U = Access.Unauthorized, F = Access.Forbidden,
        L = Access.ToLogin, D = Access.ToAccessDenied, N = Access.NotFound;

    /// <summary>Anyone: public pages, calendars, the RSVP form, sign-in, health, the API description.</summary>
    public static readonly Rule Public = new(A, A, A, A, A);

    /// <summary>The manage link is the credential: an unknown link answers 404, whoever asks.</summary>
    public static readonly Rule ManageLink = new(N, A, A, A, A);

    /// <summary>
    /// The link holder's own survey answer: 404 for an unknown link, and for a real one until its holder has answered
    /// (nobody has in <see cref="RouteWorld"/>: its session is still ahead). FeedbackApiTests shows the 200.
    /// </summary>
    public static readonly Rule ManageLinkAnswer = new(N, N, N, N, N);

    /// <summary>A form post that needs the page's antiforgery token first (400 without it), then the link.</summary>
    public static readonly Rule LinkForm = new(A, A, A, A, A);

    /// <summary>
    /// A follow's emailed link (confirm, unsubscribe) is the credential: an RSVP's manage link is none, so every caller
    /// here holds an unknown link and gets 404. FollowApiTests shows the 200s.
    /// </summary>
    public static readonly Rule FollowLink = new(N, N, N, N, N);

    /// <summary>Organizer API: bearer token of an organizer or admin.</summary>
    public static readonly Rule OrganizerApi = new(U, U, F, A, A);

    /// <summary>Check-in API: bearer token of a door helper, organizer or admin.</summary>
    public static readonly Rule DoorApi = new(U, U, A, A, A);

    /// <summary>Back-office pages and downloads of organizers and admins (cookie).</summary>
    public static readonly Rule OrganizerPage = new(L, L, D, A, A);

    /// <summary>
    /// Back-office CSV downloads (cookie, organizers and admins). Being endpoints rather than pages, they answer
    /// 401/403 (with the sign-in page as Location) instead of redirecting.
    /// </summary>
    public static readonly Rule OrganizerDownload = new(U, U, F, A, A);

    /// <summary>Door pages: door helpers too (cookie).</summary>
    public static readonly Rule DoorPage = new(L, L, A, A, A);

    /// <summary>Account administration: admins only (cookie).</summary>
    public static readonly Rule AdminPage = new(L, L, D, D, A);

    /// <summary>Any signed-in account (its own password).</summary>
    public static readonly Rule SignedInPage = new(L, L, A, A, A);

    /// <summary>Always "not found".</summary>
    public static readonly Rule NotFoundPage = new(N, N, N, N, N);

    /// <summary>First-run setup: closed (sends everyone to sign in) once an account exists.</summary>
    public static readonly Rule ClosedSetup = new(L, L, L, L, L);

    /// <summary>"METHOD /route" exactly as the app's endpoint metadata spells it.</summary>
    public static readonly IReadOnlyDictionary<string, Rule> Routes = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        // Auth
        ["POST /api/auth/token"] = Public,
        ["POST /account/logout"] = Public,
        ["GET /account/login"] = Public,
        ["POST /account/login"] = Public,
        ["GET /account/access-denied"] = Public,
        ["POST /account/access-denied"] = Public,
        ["GET /account/setup"] = ClosedSetup,
        ["POST /account/setup"] = Public,
        ["GET /account/password"] = SignedInPage,
        ["POST /account/password"] = SignedInPage,

        // Public site and calendars
        ["GET /"] = Public,
        ["POST /"] = Public,
        ["GET /events/{Slug}"] = Public,
        ["POST /events/{Slug}"] = Public,
        ["GET /events/{Slug}/sessions/{Id:int}"] = Public,
        ["POST /events/{Slug}/sessions/{Id:int}"] = Public,
        ["GET /speakers/{Id:int}"] = Public,
        ["POST /speakers/{Id:int}"] = Public,
        ["GET /events/{slug}/calendar.ics"] = Public,
        ["GET /events/{slug}/sessions/{id:int}.ics"] = Public,
        ["GET /error"] = Public,
        ["POST /error"] = Public,
        ["GET /not-found"] = Public,
        ["POST /not-found"] = Public,
        ["GET /health"] = Public,
        ["POST /language"] = Public, // sets only the caller's own language cookie (antiforgery, local return URLs)
        ["GET /openapi/{documentName}.json"] = Public,
        ["GET /{**path:file}"] = NotFoundPage, // a file that is not there

        // Blazor's own: the circuit hub (whose pages then authorize as above) and enhanced navigation
        ["GET /_blazor"] = Public,
        ["GET /_blazor/negotiate"] = Public,
        ["GET /_blazor/disconnect"] = Public,
        ["GET /_blazor/initializers"] = Public,
        ["GET /_framework/opaque-redirect"] = Public,

        // RSVP (public) and the attendee's manage link
        ["POST /api/sessions/{id:int}/rsvps"] = Public,
        ["POST /api/sessions/{id:int}/rsvps/resend"] = Public,
        ["GET /rsvp/new/{SessionId:int}"] = Public,
        ["POST /rsvp/new/{SessionId:int}"] = Public,
        ["GET /feedback/{SessionId:int}"] = Public,
        ["POST /feedback/{SessionId:int}"] = Public,
        ["GET /api/rsvps/{token}"] = ManageLink,
        ["PUT /api/rsvps/{token}"] = ManageLink,
        ["POST /api/rsvps/{token}/cancel"] = ManageLink,
        ["POST /api/rsvps/{token}/join"] = ManageLink,
        ["GET /api/rsvps/{token}/my-data"] = ManageLink,
        ["POST /api/rsvps/{token}/erase"] = ManageLink,
        ["PUT /api/rsvps/{token}/feedback"] = ManageLink,

        // Following a group (double opt-in): anyone may ask (rate-limited like RSVPs); the emailed link does the rest
        ["POST /api/events/{id:int}/subscriptions"] = Public,
        ["POST /api/subscriptions/{token}/confirm"] = FollowLink,
        ["POST /api/subscriptions/{token}/unsubscribe"] = FollowLink,
        ["POST /unsubscribe/{token}"] = FollowLink, // RFC 8058 one-click: no antiforgery, the link and the form body decide
        ["GET /unsubscribe/{token}"] = Public, // only a redirect to the page below, whatever the link
        ["GET /follow/{Token}"] = FollowLink,
        ["POST /follow/{Token}"] = LinkForm,
        ["GET /follow/{Token}/unsubscribe"] = FollowLink,
        ["POST /follow/{Token}/unsubscribe"] = LinkForm,
        ["GET /api/rsvps/{token}/feedback"] = ManageLinkAnswer,
        ["GET /rsvp/{Token}"] = ManageLink,
        ["POST /rsvp/{Token}"] = LinkForm,
        ["GET /rsvp/{Token}/feedback"] = ManageLink,
        ["POST /rsvp/{Token}/feedback"] = LinkForm,
        ["GET /rsvp/{Token}/cant-come"] = ManageLink,
        ["POST /rsvp/{Token}/cant-come"] = LinkForm,
        ["GET /rsvp/{token}/calendar.ics"] = ManageLink,
        ["GET /rsvp/{token}/my-data.json"] = ManageLink,
        ["POST /rsvp/{token}/join"] = LinkForm,

        // Check-in (door)
        ["GET /api/sessions/{id:int}/checkins"] = DoorApi,
        ["POST /api/sessions/{id:int}/checkins"] = DoorApi,
        ["DELETE /api/sessions/{id:int}/checkins/{attendeeId:int}"] = DoorApi,
        ["GET /admin/checkin"] = DoorPage,
        ["POST /admin/checkin"] = DoorPage,
        ["GET /admin/sessions/{SessionId:int}/checkin"] = DoorPage,
        ["POST /admin/sessions/{SessionId:int}/checkin"] = DoorPage,

        // Organizer API
        ["GET /api/events"] = OrganizerApi,
        ["POST /api/events"] = OrganizerApi,
        ["GET /api/events/{id:int}"] = OrganizerApi,
        ["PUT /api/events/{id:int}"] = OrganizerApi,
        ["DELETE /api/events/{id:int}"] = OrganizerApi,
        ["GET /api/events/{eventId:int}/sessions"] = OrganizerApi,
        ["POST /api/events/{eventId:int}/sessions"] = OrganizerApi,
        ["GET /api/events/{eventId:int}/questions"] = OrganizerApi,
        ["PUT /api/events/{eventId:int}/questions"] = OrganizerApi,
        ["GET /api/sessions/{id:int}"] = OrganizerApi,
        ["PUT /api/sessions/{id:int}"] = OrganizerApi,
        ["POST /api/sessions/{id:int}/publish"] = OrganizerApi,
        ["POST /api/sessions/{id:int}/cancel"] = OrganizerApi,
        ["POST /api/sessions/{id:int}/messages"] = OrganizerApi,
        ["POST /api/sessions/{id:int}/schedule-next"] = OrganizerApi,
        ["POST /api/sessions/{id:int}/repeat"] = OrganizerApi,
        ["GET /api/sessions/{id:int}/agenda"] = OrganizerApi,
        ["PUT /api/sessions/{id:int}/agenda"] = OrganizerApi,
        ["GET /api/sessions/{id:int}/rsvps"] = OrganizerApi,
        ["GET /api/sessions/{id:int}/feedback"] = OrganizerApi,
        ["GET /api/events/{id:int}/subscribers"] = OrganizerApi,
        ["POST /api/events/{id:int}/announcements"] = OrganizerApi,
        ["GET /api/events/{id:int}/announcements"] = OrganizerApi,
        ["GET /api/events/{id:int}/announcements/win-back"] = OrganizerApi,
        // The shared world holds no announcement: past authorization, an unknown one answers 404.
        ["POST /api/announcements/{id:int}/cancel"] = new(U, U, F, Access.NotFound, Access.NotFound),
        ["GET /api/speakers"] = OrganizerApi,
        ["POST /api/speakers"] = OrganizerApi,
        ["GET /api/speakers/{id:int}"] = OrganizerApi,
        ["PUT /api/speakers/{id:int}"] = OrganizerApi,
        ["GET /api/attendees"] = OrganizerApi,
        ["GET /api/attendees/{id:int}"] = OrganizerApi,
        ["POST /api/attendees/{id:int}/erase"] = OrganizerApi,
        ["POST /api/attendees/{id:int}/merge"] = OrganizerApi,
        ["POST /api/events/{id:int}/import"] = OrganizerApi,
        ["GET /api/events/{id:int}/attendance.csv"] = OrganizerApi,
        ["GET /api/events/{id:int}/retention"] = OrganizerApi,
        ["GET /api/events/{id:int}/retention.csv"] = OrganizerApi,
        ["GET /api/events/{id:int}/feedback-effect"] = OrganizerApi,

        // Back office (cookie)
        ["GET /admin"] = OrganizerPage,
        ["POST /admin"] = OrganizerPage,
        ["GET /admin/calendar"] = OrganizerPage,
        ["POST /admin/calendar"] = OrganizerPage,
        ["GET /admin/events/new"] = OrganizerPage,
        ["POST /admin/events/new"] = OrganizerPage,
        ["GET /admin/events/{Id:int}/edit"] = OrganizerPage,
        ["POST /admin/events/{Id:int}/edit"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/questions"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/questions"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/duplicates"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/duplicates"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/import"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/import"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/retention"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/retention"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/retention/sessions/{SessionId:int}"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/retention/sessions/{SessionId:int}"] = OrganizerPage,
        ["GET /admin/events/{id:int}/retention.csv"] = OrganizerDownload,
        ["GET /admin/events/{id:int}/attendance.csv"] = OrganizerDownload,
        ["GET /admin/sessions/new"] = OrganizerPage,
        ["POST /admin/sessions/new"] = OrganizerPage,
        ["GET /admin/sessions/{Id:int}"] = OrganizerPage,
        ["POST /admin/sessions/{Id:int}"] = OrganizerPage,
        ["GET /admin/sessions/{SessionId:int}/rsvps"] = OrganizerPage,
        ["POST /admin/sessions/{SessionId:int}/rsvps"] = OrganizerPage,
        ["GET /admin/sessions/{SessionId:int}/feedback-qr"] = OrganizerPage,
        ["POST /admin/sessions/{SessionId:int}/feedback-qr"] = OrganizerPage,
        ["GET /admin/sessions/{id:int}/rsvps.csv"] = OrganizerDownload,
        ["GET /admin/sessions/{SessionId:int}/feedback"] = OrganizerPage,
        ["POST /admin/sessions/{SessionId:int}/feedback"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/feedback"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/feedback"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/followers"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/followers"] = OrganizerPage,
        ["GET /admin/events/{EventId:int}/announce"] = OrganizerPage,
        ["POST /admin/events/{EventId:int}/announce"] = OrganizerPage,
        ["GET /admin/people"] = OrganizerPage,
        ["POST /admin/people"] = OrganizerPage,
        ["GET /admin/attendees/{AttendeeId:int}"] = OrganizerPage,
        ["POST /admin/attendees/{AttendeeId:int}"] = OrganizerPage,
        ["GET /admin/speakers"] = OrganizerPage,
        ["POST /admin/speakers"] = OrganizerPage,
        ["GET /admin/users"] = AdminPage,
        ["POST /admin/users"] = AdminPage,
    };
}
