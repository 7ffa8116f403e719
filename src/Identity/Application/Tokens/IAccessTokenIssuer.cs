namespace ChatApp.Identity.Application.Tokens;

/// <summary>Signs short-lived access tokens naming the user and the session.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(UserSummary user, Guid sessionId);
}

public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);
