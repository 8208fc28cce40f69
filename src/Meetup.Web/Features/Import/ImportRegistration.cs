namespace Meetup.Web.Features.Import;

internal static class ImportRegistration
{
    /// <summary>Importing and exporting attendance history.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<HistoryWriter>();
        services.AddScoped<AttendanceImport>();
        services.AddScoped<AttendanceExport>();
        return services;
    }
}
