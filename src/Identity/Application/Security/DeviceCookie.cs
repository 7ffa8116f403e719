namespace ChatApp.Identity.Application.Security;

/// <summary>
/// What a browser's device cookie says, once its signature checked out: this browser signed in to
/// <see cref="UserId"/> before. <see cref="Nonce"/> tells one browser's cookie from another's.
/// </summary>
public sealed record DeviceCookie(Guid UserId, Guid Nonce, DateTimeOffset ExpiresAt);

/// <summary>A freshly issued device cookie: its signed value and when it expires.</summary>
public sealed record IssuedDeviceCookie(string Token, DateTimeOffset ExpiresAt);
