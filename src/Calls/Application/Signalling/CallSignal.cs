namespace ChatApp.Calls.Application.Signalling;

/// <summary>
/// What one device of a call hands the other to connect their audio: a session description
/// (<see cref="SignalKind.Offer"/> or <see cref="SignalKind.Answer"/>, again for a renegotiation)
/// or a network candidate. The server relays it unchanged and only between the two devices.
/// </summary>
public sealed record CallSignal(Guid CallId, SignalKind Kind, string? Sdp, string? Candidate, string? SdpMid, int? SdpMLineIndex);

public enum SignalKind
{
    Offer,
    Answer,
    Candidate,
}
