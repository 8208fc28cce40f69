using MudBlazor;

namespace Meetup.Web.Components.Layout;

/// <summary>
/// One theme for the public pages and the back office (light and dark palettes). The light palette's text-bearing
/// colours (success, error, secondary text) are darker than MudBlazor's defaults so that text in them, such as the
/// "Published" chip, meets WCAG AA contrast (4.5:1) on the page background; the dark palette's are lighter for the same reason.
/// </summary>
public static class MeetupTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "PingFang SC", "Roboto", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3559c7",
            Secondary = "#e0662b",
            Tertiary = "#1f9d8a",
            AppbarBackground = "#1d2b5a",
            Background = "#f6f7fb",
            DrawerBackground = "#ffffff",
            Success = "#1b7f3b",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            // Lighter than MudBlazor's dark defaults where they carry text (links, tabs, outlined buttons, secondary
            // text: 4.2–4.5:1 before), with dark text on filled primary buttons (white on this blue is 2.6:1).
            Primary = "#8fa9ff",
            PrimaryContrastText = "#10193a",
            Secondary = "#ff9a62",
            Tertiary = "#4fd1bd",
            AppbarBackground = "#151b33",
            Error = "#ff7a85",
            TextSecondary = "rgba(255,255,255,0.66)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
