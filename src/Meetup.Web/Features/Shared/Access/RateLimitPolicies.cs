namespace Meetup.Web.Features.Shared.Access;

/// <summary>The named limits; endpoints and pages opt in with <c>RequireRateLimiting</c> / <c>[EnableRateLimiting]</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>
    /// Posts of forms open to anyone: the RSVP API and every page that shows (and so accepts) the RSVP form, and the
    /// room's survey (where a check-in code is typed, so guessing one is slowed down as well).
    /// </summary>
    public const string Rsvp = "rsvp";

    /// <summary>"Email me my link again".</summary>
    public const string Resend = "resend";

    /// <summary>Sign-in attempts across accounts: the token endpoint and the login form share one bucket per address.</summary>
    public const string SignIn = "sign-in";
}
