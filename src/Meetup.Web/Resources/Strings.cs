namespace Meetup.Web.Resources;

/// <summary>
/// The one resource set of the UI (Strings.{culture}.resx beside this file). Keys are the English
/// text, so English needs no resource file and every string already flows through IStringLocalizer.
/// </summary>
public sealed class Strings;
