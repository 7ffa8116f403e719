using FluentValidation;

namespace ChatApp.Calls.Api;

public sealed class InviteRequestValidator : AbstractValidator<InviteRequest>
{
    public InviteRequestValidator() =>
        RuleFor(request => request.CalleeId).NotNull().NotEqual(Guid.Empty).WithMessage("Name the person to call.");
}

/// <summary>
/// Session descriptions are SDP text (RFC 8866): lines of printable ASCII starting with
/// <c>v=0</c>. A voice call's description is a few kilobytes; anything far larger or not SDP is
/// refused before it reaches the other device.
/// </summary>
public sealed class DescriptionRequestValidator : AbstractValidator<DescriptionRequest>
{
    public const int MaxSdpLength = 16 * 1024;

    public DescriptionRequestValidator()
    {
        RuleFor(request => request.Type).NotEmpty().Must(type => type is "offer" or "answer")
            .WithMessage("A description is an offer or an answer.");
        RuleFor(request => request.Sdp).NotEmpty().WithMessage("The description has no SDP.")
            .MaximumLength(MaxSdpLength).WithMessage($"The SDP may be at most {MaxSdpLength} characters.")
            .Must(sdp => sdp!.StartsWith("v=0", StringComparison.Ordinal) && sdp.All(IsSdpCharacter))
            .When(request => !string.IsNullOrEmpty(request.Sdp) && request.Sdp.Length <= MaxSdpLength, ApplyConditionTo.CurrentValidator)
            .WithMessage("This is not SDP: it must start with v=0 and hold printable text lines only.");
    }

    private static bool IsSdpCharacter(char c) => c is '\r' or '\n' or '\t' || (c >= ' ' && c < '\u007f');
}

/// <summary>ICE candidates are one short attribute line (RFC 8839); the media line they belong to is named by id or index.</summary>
public sealed class CandidateRequestValidator : AbstractValidator<CandidateRequest>
{
    public const int MaxCandidateLength = 1024;

    public CandidateRequestValidator()
    {
        RuleFor(request => request.Candidate).NotNull().WithMessage("Send the candidate (empty ends the gathering).")
            .MaximumLength(MaxCandidateLength).WithMessage($"A candidate may be at most {MaxCandidateLength} characters.")
            .Must(candidate => candidate!.Length == 0 || (candidate.StartsWith("candidate:", StringComparison.Ordinal) && candidate.All(c => c >= ' ' && c < '\u007f')))
            .When(request => request.Candidate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("This is not an ICE candidate: it starts with candidate: and holds one line of printable text.");
        RuleFor(request => request.SdpMid).MaximumLength(64).WithMessage("The media id may be at most 64 characters.");
        RuleFor(request => request.SdpMLineIndex).InclusiveBetween(0, 63).WithMessage("The media line index is between 0 and 63.");
        RuleFor(request => request).Must(request => request.SdpMid is not null || request.SdpMLineIndex is not null)
            .WithName("sdpMid").WithMessage("Name the media line: sdpMid or sdpMLineIndex.");
    }
}
