namespace ChatApp.Calls.Api;

/// <summary>Whom to call.</summary>
public sealed record InviteRequest(Guid? CalleeId);

/// <summary>A WebRTC session description: <c>type</c> is offer or answer, <c>sdp</c> its text.</summary>
public sealed record DescriptionRequest(string? Type, string? Sdp);

/// <summary>A WebRTC ICE candidate as <c>RTCIceCandidate.toJSON()</c> gives it; an empty candidate ends the gathering.</summary>
public sealed record CandidateRequest(string? Candidate, string? SdpMid, int? SdpMLineIndex);
