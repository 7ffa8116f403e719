using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Calls.Application;
using ChatApp.Calls.Application.History;
using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Infrastructure.Persistence;
using ChatApp.Contracts;

namespace ChatApp.Calls.Infrastructure;

public static class CallsInfrastructure
{
    /// <summary>
    /// The service's MySQL database (calls, who is in one, people's names), the event bus with the
    /// two consumers that keep those names, and the worker that ends calls whose time ran out.
    /// </summary>
    public static IHostApplicationBuilder AddCallsInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("calls-db", typeof(CallsInfrastructure).Assembly);
        builder.AddEventBus("calls", events => events
            .Handle<UserRegistered, RememberUser>()
            .Handle<UserProfileChanged, UpdateUserNames>());
        builder.Services.AddSingleton<ICallStore, MySqlCallStore>();
        builder.Services.AddSingleton<ICallHistory, MySqlCallHistory>();
        builder.Services.AddSingleton<IUserDirectory, MySqlUserDirectory>();
        builder.Services.AddHostedService<CallDeadlineWorker>();
        return builder;
    }
}
