using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Notifications.Application.Preferences;

namespace ChatApp.Notifications.Api;

public static class PreferencesEndpoints
{
    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/preferences").RequireAuthorization();
        preferences.MapGet("/", async (GetPreferences get, HttpContext context, CancellationToken cancellationToken) =>
            (await get.ExecuteAsync(context.User.GetUserId(), cancellationToken)).ToResult(context, Results.Ok));

        preferences.MapPut("/", async (PreferencesRequest request, UpdatePreferences update, HttpContext context, CancellationToken cancellationToken) =>
            (await update.ExecuteAsync(context.User.GetUserId(), request.ToPreferences(), cancellationToken)).ToResult(context, Results.Ok))
            .Validates<PreferencesRequest>();
        return app;
    }
}
