using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.History;
using ChatApp.Calls.Application.IceServers;
using ChatApp.Calls.Application.Signalling;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Calls.Application;

public static class CallsUseCases
{
    /// <summary>Every use case of the service; their stores and broadcast come from Infrastructure.</summary>
    public static IServiceCollection AddCallsUseCases(this IServiceCollection services)
    {
        services.AddOptions<CallsOptions>().BindConfiguration(CallsOptions.Section)
            .Validate(options => options.RingFor > TimeSpan.Zero && options.ReconnectWithin > TimeSpan.Zero && options.DeadlineScanInterval > TimeSpan.Zero,
                "Calls:RingFor, Calls:ReconnectWithin and Calls:DeadlineScanInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.Section)
            .Validate(options => options.Urls.Length == 0 || options.Secret.Length >= 16,
                "Turn:Secret must be set (16 characters or more) when Turn:Urls names a TURN server.")
            .Validate(options => options.CredentialLifetime > TimeSpan.Zero, "Turn:CredentialLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CallViews>();
        services.AddSingleton<CallSteps>();
        services.AddSingleton<StartCall>();
        services.AddSingleton<AcceptCall>();
        services.AddSingleton<RejectCall>();
        services.AddSingleton<CancelCall>();
        services.AddSingleton<HangUpCall>();
        services.AddSingleton<RejoinCall>();
        services.AddSingleton<LoseConnection>();
        services.AddSingleton<ExpireDueCalls>();
        services.AddSingleton<GetCurrentCall>();
        services.AddSingleton<RelaySignal>();
        services.AddSingleton<GetCallHistory>();
        services.AddSingleton<CountMissedCalls>();
        services.AddSingleton<MarkMissedCallsSeen>();
        services.AddSingleton<GetIceServers>();
        return services;
    }
}
