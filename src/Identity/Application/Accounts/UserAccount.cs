using ChatApp.Identity.Application.Tokens;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Accounts;

/// <summary>An account as stored.</summary>
public sealed record UserAccount(
    Guid Id, string Username, string Email, string DisplayName, string Language, string PasswordHash, SecondFactor SecondFactor, bool HasAuthenticator, bool HasPasskey, DateTimeOffset CreatedAt)
{
    public UserSummary Summary => new(Id, Username, DisplayName);
}
