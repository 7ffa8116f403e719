using ChatApp.Notifications.Application.Preferences;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Notifications.Application;

public static class NotificationsUseCases
{
    /// <summary>The preference and unsubscribe use cases behind the API; their stores come from Infrastructure.</summary>
    public static IServiceCollection AddPreferenceUseCases(this IServiceCollection services)
    {
        services.AddSingleton<GetPreferences>();
        services.AddSingleton<UpdatePreferences>();
        services.AddSingleton<Unsubscribe>();
        return services;
    }
}
