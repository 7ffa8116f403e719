using System.Globalization;
using ChatApp.BuildingBlocks.UseCases;
using FluentValidation;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.BuildingBlocks.Realtime;

/// <summary>
/// Hub failures carry a stable code (<c>invalid</c>, <c>not-found</c>, <c>forbidden</c>,
/// <c>conflict</c>, <c>gone</c>, <c>rate-limited</c>), then a colon and the human explanation: clients switch on the
/// code, which follows the "HubException: " that SignalR puts in front of the message. A
/// <c>rate-limited</c> refusal ends with <c>retry-after=</c> and the seconds to wait.
/// </summary>
public static class HubErrors
{
    /// <summary>Where a refusal's wait is kept in <see cref="Exception.Data"/>.</summary>
    public const string RetryAfterKey = "chatapp.retry-after";

    public static T OrThrow<T>(this Result<T> result) =>
        result.Failure is { } failure ? throw failure.ToHubException() : result.Value!;

    public static HubException ToHubException(this Failure failure)
    {
        var code = failure.Kind switch
        {
            FailureKind.Invalid => "invalid",
            FailureKind.Unauthenticated => "unauthenticated",
            FailureKind.Forbidden => "forbidden",
            FailureKind.NotFound => "not-found",
            FailureKind.Conflict => "conflict",
            FailureKind.Gone => "gone",
            FailureKind.TooManyRequests => "rate-limited",
            _ => "error",
        };
        var fields = failure.Errors is { } errors ? " " + string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")) : "";
        // What HTTP says in Retry-After, in seconds, for the client to wait before trying again.
        var retryAfter = failure.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $" retry-after={wait.TotalSeconds:0.###}") : "";
        var message = $"{code}: {failure.Title}.{(failure.Detail is null ? "" : " " + failure.Detail)}{fields}{retryAfter}";
        var exception = new HubException(message);
        // For HoldRateLimitedCalls. A HubException of another type would reach the client with "An unexpected error occurred".
        if (failure.RetryAfter is { } hint)
            exception.Data[RetryAfterKey] = hint;
        return exception;
    }

    /// <summary>The same validation as the REST endpoint's: an invalid argument fails with <c>invalid</c> and one message per field.</summary>
    /// <remarks>
    /// Not named ValidateAsync: <c>validator.ValidateAsync(request)</c> binds to FluentValidation's own
    /// method, which returns the result and throws nothing, so the hub validated nothing.
    /// </remarks>
    public static async Task ThrowIfInvalidAsync<T>(this IValidator<T> validator, T? request)
    {
        if (request is null)
            throw new HubException("invalid: The call needs its argument.");
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid)
            throw new HubException("invalid: " + string.Join(" ", result.Errors.Select(error => $"{JsonName(error.PropertyName)}: {error.ErrorMessage}")));
    }

    private static string JsonName(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
