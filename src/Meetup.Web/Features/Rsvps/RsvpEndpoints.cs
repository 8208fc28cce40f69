using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Rsvps;

internal static class RsvpEndpoints
{
    public static void MapRsvpEndpoints(this WebApplication app)
    {
        var rsvp = app.MapGroup("/api").WithTags("RSVP");

        rsvp.MapPost("/sessions/{id:int}/rsvps", async (int id, RsvpInput? input, RsvpService service, CancellationToken ct) =>
                // A known person's new RSVP (no token in the answer: the link is emailed to them) has no Location to give.
                (await service.CreateAsync(id, input ?? new(), ct: ct)).ToCreatedOrOk(
                    r => r.Created, r => r.ManageToken is { } token ? $"/api/rsvps/{token}" : null,
                    notFoundDetail: "No such session.", conflictTitle: "RSVP is not open"))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Rsvp);

        rsvp.MapPost("/sessions/{id:int}/rsvps/resend", async (int id, ResendInput? input, RsvpService service, CancellationToken ct) =>
            {
                // The same answer whether or not the email is registered: it reveals nobody.
                await service.ResendLinkAsync(id, input?.Email, ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Resend);

        rsvp.MapGet("/rsvps/{token}", async (string token, RsvpManageService service, CancellationToken ct) =>
                (await service.GetAsync(token, ct)).ToOk())
            .AllowAnonymous();
        rsvp.MapPut("/rsvps/{token}", async (string token, RsvpUpdateInput? input, RsvpManageService service, CancellationToken ct) =>
                (await service.UpdateAsync(token, input ?? new(null, null), ct)).ToOk())
            .AllowAnonymous();
        rsvp.MapPost("/rsvps/{token}/cancel", async (string token, RsvpManageService service, CancellationToken ct) =>
                (await service.CancelAsync(token, ct)).ToOk())
            .AllowAnonymous();

        app.MapGet("/rsvp/{token}/calendar.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, RsvpManageService service, CancellationToken ct) =>
                await service.CalendarAsync(token, ct) is { } ics
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "session.ics")
                    : TypedResults.NotFound())
            .ExcludeFromDescription();

        // The organizer's download from the RSVP list page (cookie sign-in, like the page).
        app.MapGet("/admin/sessions/{id:int}/rsvps.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, RsvpAdminService service, CancellationToken ct) =>
            {
                var list = await service.ListAsync(id, ct: ct);
                if (!list.Succeeded)
                {
                    return ApiResults.NotFound(list.Detail ?? "No such session.");
                }
                var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(RsvpCsv.Write(list.Value!))).ToArray();
                return TypedResults.File(bytes, "text/csv; charset=utf-8", $"session-{id}-rsvps.csv");
            })
            .RequireAuthorization(Policies.BackOfficeOrganizers)
            .ExcludeFromDescription();

        var questions = app.MapGroup("/api/events/{eventId:int}/questions").WithTags("RSVP").RequireAuthorization(Policies.ApiOrganizers);
        questions.MapGet("/", async (int eventId, QuestionService service, CancellationToken ct) => (await service.ListAsync(eventId, ct)).ToOk());
        questions.MapPut("/", async (int eventId, List<QuestionInput>? input, QuestionService service, CancellationToken ct) =>
            (await service.ReplaceAsync(eventId, input, ct)).ToOk());

        rsvp.MapGet("/sessions/{id:int}/rsvps", async (int id, string? search, string? status, RsvpAdminService service, CancellationToken ct) =>
            {
                RsvpStatus? filter = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    if (!EnumNames.TryParseSnakeCase<RsvpStatus>(status, out var parsed))
                    {
                        return (Results<Ok<IReadOnlyList<RsvpListItem>>, ValidationProblem, ProblemHttpResult>)ApiResults.Invalid(
                            "status", "Use confirmed, waitlisted or cancelled.");
                    }
                    filter = parsed;
                }
                return (await service.ListAsync(id, search, filter, ct)).ToOk();
            })
            .RequireAuthorization(Policies.ApiOrganizers);
    }
}
