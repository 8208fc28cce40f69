using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Agenda;

internal static class AgendaEndpoints
{
    public static void MapAgendaEndpoints(this WebApplication app)
    {
        var agenda = app.MapGroup("/api/sessions/{id:int}/agenda")
            .WithTags("Agenda")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .ProducesProblems(StatusCodes.Status404NotFound);
        agenda.MapGet("/", async (int id, AgendaService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk())
            .Describe("Get a session's agenda", "The agenda items in order, each with its times and speakers.");
        agenda.MapPut("/", async (int id, List<AgendaItemInput>? items, AgendaService service, CancellationToken ct) =>
            (await service.ReplaceAsync(id, items, ct)).ToOk())
            .Describe("Replace a session's agenda", "The whole list at once; 400 keys each error by item, e.g. agenda[1].title.");
    }
}
