using QRCoder;

namespace Meetup.Web.Features.Notifications;

/// <summary>QR codes of check-in credentials, as PNG (emails and pages; SVG is not shown by many mail apps).</summary>
public static class QrCodes
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    public static string PngDataUri(string text, int pixelsPerModule = 8) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}
