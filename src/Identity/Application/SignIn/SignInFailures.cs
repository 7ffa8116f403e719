using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>The answers to a second step that did not work, each telling the user what to do next.</summary>
public static class SignInFailures
{
    public static readonly Failure UnknownChallenge =
        new(FailureKind.NotFound, "Unknown sign-in", "This sign-in attempt does not exist; start again with your password.");

    public static readonly Failure ChallengeOver =
        new(FailureKind.Gone, "Sign-in attempt over", "Too many wrong codes, or too much time: start again with your password.");

    public static readonly Failure AlreadyUsed =
        new(FailureKind.Gone, "Code already used", "This sign-in attempt has already completed; start again with your password.");

    public static Failure For(CodeCheck check, SignInChallenge challenge, SignInProof proof) => check switch
    {
        CodeCheck.Wrong when proof == SignInProof.Passkey => Failure.Field(FailureKind.Invalid, "Passkey not accepted", "assertion",
            $"The passkey did not confirm this sign-in; {SignInChallenge.MaxFailedAttempts - challenge.FailedAttempts} tries left."),
        CodeCheck.Wrong => Failure.Field(FailureKind.Invalid, "Wrong code", "code",
            $"That code is wrong; {SignInChallenge.MaxFailedAttempts - challenge.FailedAttempts} tries left."),
        CodeCheck.Expired => Failure.Field(FailureKind.Invalid, "Code expired", "code", "That code has expired; ask for a new one."),
        CodeCheck.AlreadyUsed => AlreadyUsed,
        CodeCheck.ChallengeOver => ChallengeOver,
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Not a failure."),
    };
}
