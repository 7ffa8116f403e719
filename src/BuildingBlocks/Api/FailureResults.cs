using System.Globalization;
using ChatApp.BuildingBlocks.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatApp.BuildingBlocks.Api;

/// <summary>Use-case failures as RFC 7807 problem details with the matching status code.</summary>
public static class FailureResults
{
    /// <summary>
    /// The failure as a typed problem result: a validation problem (with <c>errors</c>) when it
    /// names fields, else a plain one. Typed, so endpoints can declare
    /// <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c> and list their statuses with <c>ProducesProblem</c>.
    /// </summary>
    public static ProblemHttpResult ToProblem(this Failure failure, HttpContext context)
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
        var problem = failure.Errors is { } errors ? new HttpValidationProblemDetails(errors) : new ProblemDetails();
        problem.Status = status;
        problem.Title = failure.Title;
        problem.Detail = failure.Detail;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// A use case's result as a typed answer: its value through <paramref name="onSuccess"/>, or its
    /// failure as a problem. The endpoint documents which problem statuses it can answer.
    /// </summary>
    public static Results<TSuccess, ProblemHttpResult> Answer<T, TSuccess>(this Result<T> result, HttpContext context, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.Failure is { } failure ? failure.ToProblem(context) : onSuccess(result.Value!);

    /// <summary>The value as 200, or the failure as its problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOrProblem<T>(this Result<T> result, HttpContext context) =>
        result.Answer(context, TypedResults.Ok);
}
