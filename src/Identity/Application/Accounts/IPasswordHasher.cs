namespace ChatApp.Identity.Application.Accounts;

/// <summary>Slow, salted password hashes; a check says whether the hash should be made again with today's settings.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>Spends the same time as a real check, for a login that names nobody.</summary>
    void VerifyDecoy(string password);
}

public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}
