using ChatApp.Identity.Application.SignIn;

namespace ChatApp.Identity.Infrastructure.Secrets;

/// <summary>The sign-in code key, one of Identity's <see cref="HmacKeys"/>.</summary>
public sealed class SignInCodeKey(HmacKeys keys) : ISignInCodeKey
{
    public const string Purpose = "ChatApp.Identity.SignIn.CodeKey";

    public Task<byte[]> GetAsync(CancellationToken cancellationToken) => keys.GetAsync(Purpose, cancellationToken);
}
