using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Meetup.Web.Hosting;

internal static class AuthSetup
{
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
                // No account lockout (anyone could lock the organizer out): failures are throttled per account and
                // client address instead (Features/Auth/SignInThrottle).
                o.Lockout.AllowedForNewUsers = false;
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
}
