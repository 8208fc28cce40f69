namespace Meetup.Web.Features.CheckIns;

public static class DoorCodes
{
    /// <summary>A scanned QR code is the check-in URL (…/checkin?code=K7QM4X) or, from elsewhere, the bare code.</summary>
    public static string FromScan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).GetValueOrDefault("code").ToString();
            return code;
        }
        return text.Trim();
    }
}
