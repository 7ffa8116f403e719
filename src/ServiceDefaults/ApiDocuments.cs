using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ChatApp.ServiceDefaults;

/// <summary>
/// Whether the services' OpenAPI documents are served (by each service, and through the gateway).
/// They map every endpoint, its parameters and its answers, which helps an attacker as much as a
/// developer. <c>ChatApp:PublishApiDocuments</c> decides where it is set (true or false); without
/// it they are served in Development only.
/// </summary>
public static class ApiDocuments
{
    public const string PublishSetting = "ChatApp:PublishApiDocuments";

    public static bool ArePublished(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>(PublishSetting) ?? environment.IsDevelopment();
}
