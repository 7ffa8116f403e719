namespace ChatApp.Identity.Application.SignIn;

/// <summary>
/// The secret key emailed sign-in codes are hashed with (HMAC-SHA256). Only Identity holds it, so
/// whoever reads sign_in_challenges cannot try the million possible codes against a stored hash.
/// </summary>
public interface ISignInCodeKey
{
    Task<byte[]> GetAsync(CancellationToken cancellationToken);
}
