using ChatApp.Contracts;

namespace ChatApp.Notifications.Application.Events;

/// <summary>Sign-in codes arrive sealed by Identity for this service alone; this opens them.</summary>
public interface ISignInCodes
{
    /// <summary>The code in clear; null if it was not sealed for this service and this challenge.</summary>
    string? Open(SignInCodeRequested request);
}
