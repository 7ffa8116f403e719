using ChatApp.Identity.Application.Directory;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Domain;
using FluentValidation;

namespace ChatApp.Identity.Api;

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "tr" };

    public RegisterRequestValidator()
    {
        RuleFor(r => r.Username).Must(u => Username.IsValid(u?.Trim()))
            .WithMessage($"Use {Username.MinLength}–{Username.MaxLength} letters, digits, '.', '_' or '-'.");
        RuleFor(r => r.Email).Must(e => EmailAddress.IsValid(e?.Trim())).WithMessage("Enter a valid email address.");
        RuleFor(r => r.DisplayName).Must(d => DisplayName.IsValid(d?.Trim()))
            .WithMessage($"Use 1–{DisplayName.MaxLength} characters, without control characters.");
        RuleFor(r => r.Password).Custom((password, context) =>
        {
            foreach (var problem in PasswordPolicy.Problems(password, context.InstanceToValidate.Username?.Trim(), context.InstanceToValidate.Email?.Trim()))
                context.AddFailure(problem);
        });
        RuleFor(r => r.Language).Must(l => l is null || Languages.Contains(l)).WithMessage("Use one of: en, tr.");
    }
}

public sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.Login).Must(login => !string.IsNullOrWhiteSpace(login) && login.Length <= EmailAddress.MaxLength)
            .WithMessage("Enter your username or email address.");
        // Long enough for any valid password, short enough that nobody makes us hash megabytes.
        RuleFor(r => r.Password).Must(password => !string.IsNullOrEmpty(password) && password.Length <= PasswordPolicy.MaxLength * 4)
            .WithMessage("Enter your password.");
    }
}

public sealed class CodeRequestValidator : AbstractValidator<CodeRequest>
{
    public CodeRequestValidator()
    {
        RuleFor(r => r.Code).Must(SixDigits).When(r => r.Proof != SignInProof.RecoveryCode).WithMessage("Enter the 6-digit code.");
        RuleFor(r => r.Code).Must(RecoveryCodes.LooksLikeOne).When(r => r.Proof == SignInProof.RecoveryCode)
            .WithMessage("Enter one of your recovery codes, like ABCDE-FGHJK.");
    }

    public static bool SixDigits(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);
}

public sealed class AuthenticatorCodeRequestValidator : AbstractValidator<AuthenticatorCodeRequest>
{
    public AuthenticatorCodeRequestValidator() =>
        RuleFor(r => r.Code).Must(CodeRequestValidator.SixDigits).WithMessage("Enter the 6-digit code your app shows.");
}

public sealed class PasswordConfirmationRequestValidator : AbstractValidator<PasswordConfirmationRequest>
{
    public PasswordConfirmationRequestValidator() =>
        RuleFor(r => r.Password).NotEmpty().WithMessage("Enter your password.");
}

public sealed class SecondFactorRequestValidator : AbstractValidator<SecondFactorRequest>
{
    public SecondFactorRequestValidator() =>
        RuleFor(r => r.SecondFactor).NotNull().WithMessage("Choose Email or Authenticator.");
}

public sealed class ChangeDisplayNameRequestValidator : AbstractValidator<ChangeDisplayNameRequest>
{
    public ChangeDisplayNameRequestValidator() =>
        RuleFor(r => r.DisplayName).Must(d => DisplayName.IsValid(d?.Trim()))
            .WithMessage($"Use 1–{DisplayName.MaxLength} characters, without control characters.");
}

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(r => r.NewPassword).NotEmpty().WithMessage("Choose a new password.");
    }
}

public sealed class LookupUsersRequestValidator : AbstractValidator<LookupUsersRequest>
{
    public LookupUsersRequestValidator() =>
        RuleFor(r => r.Ids).Cascade(CascadeMode.Stop).NotNull().Must(ids => ids!.Count <= GetProfiles.MaxBatch)
            .WithMessage($"Send between 0 and {GetProfiles.MaxBatch} ids.");
}

public sealed class AddPasskeyRequestValidator : AbstractValidator<AddPasskeyRequest>
{
    public AddPasskeyRequestValidator()
    {
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 64 && !name.Any(char.IsControl))
            .WithMessage("Name the passkey (1–64 characters), e.g. \"Laptop\".");
        RuleFor(r => r.Attestation).NotNull().WithMessage("Send the browser's answer to navigator.credentials.create().");
    }
}

public sealed class PasskeySignInRequestValidator : AbstractValidator<PasskeySignInRequest>
{
    public PasskeySignInRequestValidator() =>
        RuleFor(r => r.Assertion).NotNull().WithMessage("Send the browser's answer to navigator.credentials.get().");
}

public sealed class PublishKeysRequestValidator : AbstractValidator<PublishKeysRequest>
{
    private const string PointMessage = "Send the raw uncompressed P-256 public key (65 bytes starting with 0x04, a point on the curve) as base64url without padding.";

    public PublishKeysRequestValidator()
    {
        RuleFor(r => r.AgreementKey).Must(PublicKeySet.IsPublicKey).WithMessage(PointMessage);
        RuleFor(r => r.SigningKey).Must(PublicKeySet.IsPublicKey).WithMessage(PointMessage);
        RuleFor(r => r.KeyId).Must(PublicKeySet.IsKeyId)
            .WithMessage($"Send the key id: base64url of the first 16 bytes of SHA-256(agreementKey ‖ signingKey), {PublicKeySet.KeyIdLength} characters.");
        RuleFor(r => r.KeyId).Must((request, keyId) => keyId == PublicKeySet.KeyIdOf(request.AgreementKey!, request.SigningKey!))
            .When(r => PublicKeySet.IsKeyId(r.KeyId) && PublicKeySet.IsPublicKey(r.AgreementKey) && PublicKeySet.IsPublicKey(r.SigningKey))
            .WithMessage("This is not the key id of these keys: base64url of the first 16 bytes of SHA-256(agreementKey ‖ signingKey).");
    }
}

public sealed class LookupKeysRequestValidator : AbstractValidator<LookupKeysRequest>
{
    public LookupKeysRequestValidator() =>
        RuleFor(r => r.UserIds).Must(ids => ids is { Count: >= 1 and <= LookUpKeys.MaxBatch } && !ids.Contains(Guid.Empty))
            .WithMessage($"Send between 1 and {LookUpKeys.MaxBatch} user ids, none of them empty.");
}

public sealed class KeyBackupRequestValidator : AbstractValidator<KeyBackupRequest>
{
    public KeyBackupRequestValidator()
    {
        RuleFor(r => r.KeyId).Must(PublicKeySet.IsKeyId).WithMessage($"Send the key id ({PublicKeySet.KeyIdLength} characters) of the keys in this backup.");
        RuleFor(r => r.Salt).Must(KeyBackup.IsSalt)
            .WithMessage($"Send the salt as base64url without padding, {KeyBackup.MinSaltLength}–{KeyBackup.MaxSaltLength} bytes.");
        RuleFor(r => r.Iterations).Must(KeyBackup.IsIterations)
            .WithMessage($"Use between {KeyBackup.MinIterations} and {KeyBackup.MaxIterations} PBKDF2 iterations.");
        RuleFor(r => r.Iv).Must(KeyBackup.IsIv).WithMessage($"Send the IV as base64url without padding, {KeyBackup.IvLength} bytes.");
        RuleFor(r => r.Ciphertext).Must(KeyBackup.IsCiphertext)
            .WithMessage($"Send the ciphertext as base64url without padding, 1 byte to {KeyBackup.MaxCiphertextLength / 1024} KiB.");
    }
}
