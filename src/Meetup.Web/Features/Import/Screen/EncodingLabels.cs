using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>The encodings of <see cref="FileEncodings"/> as the screen names them: the language first, which is what organizers know.</summary>
public static class EncodingLabels
{
    public static string Name(IStringLocalizer<Strings> l, string id) => id switch
    {
        FileEncodings.Utf8 => l["Unicode (UTF-8)"],
        FileEncodings.Utf16 => l["Unicode (UTF-16)"],
        FileEncodings.ShiftJis => l["Japanese (Shift_JIS)"],
        FileEncodings.Gb18030 => l["Chinese (GB18030)"],
        FileEncodings.Windows1252 => l["Western European (Windows-1252)"],
        _ => id,
    };
}
