using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Api;

public static class PreferencesEndpoints
{
    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/preferences").RequireAuthorization().WithTags("Preferences");
        preferences.MapGet("/", async (GetPreferences get, HttpContext context, CancellationToken cancellationToken) =>
            (await get.ExecuteAsync(context.User.GetUserId(), cancellationToken)).ToResult(context, Results.Ok))
            .WithName("GetPreferences")
            .Produces<NotificationPreferences>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        preferences.MapPut("/", async (PreferencesRequest request, UpdatePreferences update, HttpContext context, CancellationToken cancellationToken) =>
            (await update.ExecuteAsync(context.User.GetUserId(), request.ToPreferences(), cancellationToken)).ToResult(context, Results.Ok))
            .WithName("UpdatePreferences")
            .Validates<PreferencesRequest>()
            .Produces<NotificationPreferences>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
