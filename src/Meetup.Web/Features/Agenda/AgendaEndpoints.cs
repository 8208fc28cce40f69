using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Agenda;

internal static class AgendaEndpoints
{
    public static void MapAgendaEndpoints(this WebApplication app)
    {
        var agenda = app.MapGroup("/api/sessions/{id:int}/agenda")
            .WithTags("Agenda")
            .RequireAuthorization(Policies.ApiOrganizers);
        agenda.MapGet("/", async (int id, AgendaService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk());
        agenda.MapPut("/", async (int id, List<AgendaItemInput>? items, AgendaService service, CancellationToken ct) =>
            (await service.ReplaceAsync(id, items, ct)).ToOk());
    }
}
