using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Messaging.Api.Endpoints;

/// <summary>What every Messaging endpoint shares: a signed-in caller, and a use case's result as a typed answer.</summary>
internal static class Answers
{
    /// <summary>
    /// Only for a signed-in caller; anyone else is answered 401 by the authentication middleware,
    /// without a body, which the document says.
    /// </summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(void)));

    /// <summary>The value as 200, or the failure as its problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOrProblem<T>(this Result<T> result, HttpContext context) =>
        result.Failure is { } failure ? failure.ToProblem(context) : TypedResults.Ok(result.Value!);
}
