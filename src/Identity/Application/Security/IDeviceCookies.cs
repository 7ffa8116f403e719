namespace ChatApp.Identity.Application.Security;

/// <summary>
/// Device cookies (OWASP's defence against targeted lockout): after a successful sign-in the
/// browser gets a signed cookie naming the account, so that its later sign-ins are counted per
/// cookie instead of in the account's bucket that every unknown browser shares.
/// </summary>
public interface IDeviceCookies
{
    Task<IssuedDeviceCookie> IssueAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The cookie's content if it is ours, unexpired and not revoked; otherwise null (an unknown browser).</summary>
    Task<DeviceCookie?> ReadAsync(string? token, CancellationToken cancellationToken);

    /// <summary>From now on the cookie is an unknown browser's.</summary>
    Task RevokeAsync(DeviceCookie cookie, CancellationToken cancellationToken);
}
