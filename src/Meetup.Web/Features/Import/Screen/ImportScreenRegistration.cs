namespace Meetup.Web.Features.Import.Screen;

internal static class ImportScreenRegistration
{
    /// <summary>The import screen: its preview and the mappings saved in the browser.</summary>
    public static IServiceCollection AddImportScreen(this IServiceCollection services)
    {
        services.AddScoped<ImportPreviewService>();
        services.AddScoped<SavedMappings>();
        return services;
    }
}
