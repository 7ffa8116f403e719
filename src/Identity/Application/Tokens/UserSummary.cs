namespace ChatApp.Identity.Application.Tokens;

/// <summary>The account fields an access token names.</summary>
public sealed record UserSummary(Guid Id, string Username, string DisplayName);
