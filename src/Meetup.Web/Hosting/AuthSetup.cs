using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Meetup.Web.Hosting;

/// <summary>Names of the authorization policies; pages use roles via [Authorize(Roles = …)].</summary>
public static class Policies
{
    /// <summary>API callers with a bearer token who may plan events and see attendees.</summary>
    public const string ApiOrganizers = nameof(ApiOrganizers);

    /// <summary>API callers with a bearer token who may check people in (door helpers too).</summary>
    public const string ApiDoorStaff = nameof(ApiDoorStaff);

    /// <summary>Back-office downloads (CSV files linked from pages): organizers signed in with the cookie.</summary>
    public const string BackOfficeOrganizers = nameof(BackOfficeOrganizers);
}

internal static class AuthSetup
{
    public const int MaxFailedAttempts = 5;

    public static void AddMeetupAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Keys live in the database so that several instances behind a load balancer share them.
        services.AddDataProtection().SetApplicationName("Meetup").PersistKeysToDbContext<MeetupDb>();

        services.AddIdentityCore<OrganizerUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MeetupDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Features.Auth.LocalizedIdentityErrors>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "meetup.auth";
            // Secure whenever the request came over HTTPS (behind a proxy: ForwardedHeaders:Enabled).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ApiOrganizers, p => p
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(Roles.Admin, Roles.Organizer))
            .AddPolicy(Policies.ApiDoorStaff, p => p
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(Roles.Admin, Roles.Organizer, Roles.DoorHelper))
            .AddPolicy(Policies.BackOfficeOrganizers, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(Roles.Admin, Roles.Organizer));

        // The antiforgery cookie's default is never Secure; mark it so under HTTPS like the sign-in cookie.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddCascadingAuthenticationState();
    }

    /// <summary>Whether a locally supplied return URL is safe to redirect to (no open redirects).</summary>
    public static bool IsLocalUrl(string? url)
        => !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
