namespace ChatApp.Identity.Application.Authenticators;

/// <summary>Draws text as a QR code for a phone's camera.</summary>
public interface IQrCodes
{
    /// <summary>The QR code as a data: URI of a PNG image.</summary>
    string PngDataUri(string text);
}
