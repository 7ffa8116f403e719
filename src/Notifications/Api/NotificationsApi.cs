using ChatApp.BuildingBlocks.Api;
using FluentValidation;

namespace ChatApp.Notifications.Api;

public static class NotificationsApi
{
    /// <summary>Request validators and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddNotificationsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<PreferencesRequest>, PreferencesRequestValidator>();
        builder.Services.AddServiceOpenApi("/api/notifications");
        return builder;
    }
}
