namespace ChatApp.Identity.Application.Authenticators;

/// <summary>
/// Keeps authenticator secrets unreadable in the database: sealed before they are stored, opened
/// only to check a code. Whoever reads the table cannot generate anyone's codes.
/// </summary>
public interface IAuthenticatorSecrets
{
    byte[] Seal(byte[] secret);

    byte[] Open(byte[] sealedSecret);
}
