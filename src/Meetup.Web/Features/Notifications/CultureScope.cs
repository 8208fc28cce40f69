using System.Globalization;

namespace Meetup.Web.Features.Notifications;

/// <summary>
/// Runs code in another culture (IStringLocalizer and date formats read the current culture): an email in its
/// recipient's, a batched RSVP's answers in its request's (the batch runs on a thread of its own).
/// </summary>
internal readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string name) : this(CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(name) ? "en" : name))
    {
    }

    public CultureScope(CultureInfo culture, CultureInfo? uiCulture = null)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture ?? culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
