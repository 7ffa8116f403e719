using ChatApp.BuildingBlocks.UseCases;
using FluentValidation;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.BuildingBlocks.Realtime;

/// <summary>
/// Hub failures carry a stable code (<c>invalid</c>, <c>not-found</c>, <c>forbidden</c>,
/// <c>conflict</c>, <c>gone</c>), then a colon and the human explanation: clients switch on the
/// code, which follows the "HubException: " that SignalR puts in front of the message.
/// </summary>
public static class HubErrors
{
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
            FailureKind.TooManyRequests => "too-many-requests",
            _ => "error",
        };
        var fields = failure.Errors is { } errors ? " " + string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")) : "";
        return new HubException($"{code}: {failure.Title}.{(failure.Detail is null ? "" : " " + failure.Detail)}{fields}");
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
