using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Calls.Application;
using ChatApp.Calls.Application.History;
using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Infrastructure.Persistence;

namespace ChatApp.Calls.Infrastructure;

public static class CallsInfrastructure
{
    /// <summary>
    /// The service's MySQL database (calls, who is in one, people's names), the stores over it, and
    /// the worker that ends calls whose time ran out. The event bus is Program.cs's, which names its handlers.
    /// </summary>
    public static IHostApplicationBuilder AddCallsInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("calls-db", typeof(CallsInfrastructure).Assembly);
        builder.Services.AddSingleton<ICallStore, MySqlCallStore>();
        builder.Services.AddSingleton<ICallHistory, MySqlCallHistory>();
        builder.Services.AddSingleton<IUserDirectory, MySqlUserDirectory>();
        builder.Services.AddHostedService<CallDeadlineWorker>();
        return builder;
    }
}
