namespace ChatApp.Identity.Application.Directory;

/// <summary>What anyone signed in may see of a user.</summary>
public sealed record UserProfile(Guid Id, string Username, string DisplayName);
