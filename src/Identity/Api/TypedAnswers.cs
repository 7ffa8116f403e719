using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class TypedAnswers
{
    /// <summary>
    /// A use case's result as a typed answer: its value through <paramref name="onSuccess"/>, or its
    /// failure as a problem. The endpoint documents which problem statuses it can answer.
    /// </summary>
    public static Results<TSuccess, ProblemHttpResult> Answer<T, TSuccess>(this Result<T> result, HttpContext context, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.Failure is { } failure ? failure.ToProblem(context) : onSuccess(result.Value!);
}
