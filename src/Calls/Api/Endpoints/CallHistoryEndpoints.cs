using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Calls.Api.Endpoints;

public static class CallHistoryEndpoints
{
    public static IEndpointRouteBuilder MapCallHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/").RequireAuthorization().WithTags("Calls")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        calls.MapGet("/history", async Task<Results<Ok<CallHistoryPage>, ValidationProblem>> (Guid? before, int? limit, GetCallHistory history, HttpContext context, CancellationToken cancellationToken) =>
            {
                var page = await history.ExecuteAsync(context.User.GetUserId(), before, limit ?? 30, cancellationToken);
                return page.Failure is { } failure
                    ? TypedResults.ValidationProblem(failure.Errors!, failure.Detail, title: failure.Title)
                    : TypedResults.Ok(page.Value);
            })
            .WithName("GetCallHistory")
            .WithSummary("My ended calls, newest first; pass the page's nextBefore as before for the next page.");

        calls.MapGet("/current", async Task<Results<Ok<CallView>, NoContent>> (GetCurrentCall current, HttpContext context, CancellationToken cancellationToken) =>
                await current.ExecuteAsync(context.User.GetUserId(), cancellationToken) is { } call ? TypedResults.Ok(call) : TypedResults.NoContent())
            .WithName("GetCurrentCall")
            .WithSummary("The call I am in right now, ringing or answered; 204 when none.");

        calls.MapGet("/missed", async Task<Ok<MissedCallCount>> (CountMissedCalls count, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await count.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("CountMissedCalls")
            .WithSummary("How many missed calls I have not seen yet.");

        calls.MapPost("/missed/seen", async Task<Ok<MissedCallCount>> (MarkMissedCallsSeen markSeen, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await markSeen.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("MarkMissedCallsSeen")
            .WithSummary("I have seen my missed calls: the count goes back to zero.");
        return app;
    }
}
