using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Eventing;

public static class EventSealExtensions
{
    public const string KeySetting = "EventSealing:Key";

    /// <summary>
    /// The <see cref="EventSeal"/> under <c>EventSealing:Key</c>, which the AppHost gives only the
    /// services that seal or open a secret in an event (Identity and Notifications). The service
    /// does not start without it.
    /// </summary>
    public static IHostApplicationBuilder AddEventSeal(this IHostApplicationBuilder builder)
    {
        var key = builder.Configuration[KeySetting]
            ?? throw new InvalidOperationException($"{KeySetting} is not set. The AppHost sets it; run the service through it, or set it yourself (the same value in Identity and Notifications).");
        builder.Services.AddSingleton(new EventSeal(key));
        return builder;
    }
}
