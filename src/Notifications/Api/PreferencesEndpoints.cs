using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Notifications.Api;

public static class PreferencesEndpoints
{
    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/preferences").RequireAuthorization().WithTags("Preferences")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        preferences.MapGet("/", async Task<Results<Ok<NotificationPreferences>, ProblemHttpResult>> (
                GetPreferences get, HttpContext context, CancellationToken cancellationToken) =>
                (await get.ExecuteAsync(context.User.GetUserId(), cancellationToken)).OkOrProblem(context))
            .WithName("GetPreferences")
            .WithSummary("My email preferences; 404 right after registering, until the account has reached Notifications.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        preferences.MapPut("/", async Task<Results<Ok<NotificationPreferences>, ProblemHttpResult>> (
                PreferencesRequest request, UpdatePreferences update, HttpContext context, CancellationToken cancellationToken) =>
                (await update.ExecuteAsync(context.User.GetUserId(), request.ToPreferences(), cancellationToken)).OkOrProblem(context))
            .WithName("UpdatePreferences")
            .WithSummary("Sets all my email preferences at once and answers them as saved.")
            .Validates<PreferencesRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
