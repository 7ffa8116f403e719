using ChatApp.Identity.Application.Authenticators;
using QRCoder;

namespace ChatApp.Identity.Infrastructure.Authenticators;

/// <summary>QR codes drawn by QRCoder: medium error correction, six pixels a module.</summary>
internal sealed class PngQrCodes : IQrCodes
{
    public string PngDataUri(string text)
    {
        using var qr = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(6);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
