using System.Globalization;
using ChatApp.BuildingBlocks.UseCases;
using Microsoft.AspNetCore.Http;

namespace ChatApp.BuildingBlocks.Api;

/// <summary>Use-case failures as RFC 7807 problem details with the matching status code.</summary>
public static class FailureResults
{
    public static IResult ToProblem(this Failure failure, HttpContext context)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Gone => StatusCodes.Status410Gone,
            FailureKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Unknown failure kind."),
        };
        if (failure.RetryAfter is { } retryAfter)
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return failure.Errors is { } errors
            ? Results.ValidationProblem(errors, failure.Detail, title: failure.Title, statusCode: status)
            : Results.Problem(failure.Detail, title: failure.Title, statusCode: status);
    }

    /// <summary>The value through <paramref name="onSuccess"/>, or the failure as a problem.</summary>
    public static IResult ToResult<T>(this Result<T> result, HttpContext context, Func<T, IResult> onSuccess) =>
        result.Failure is { } failure ? failure.ToProblem(context) : onSuccess(result.Value!);
}
