using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ChatApp.ServiceDefaults;

/// <summary>
/// Whether the services' OpenAPI documents are served (by each service, and through the gateway).
/// They map every endpoint, its parameters and its answers, which helps an attacker as much as a
/// developer: on in Development, elsewhere only when <c>ChatApp:PublishApiDocuments</c> is true.
/// </summary>
public static class ApiDocuments
{
    public const string PublishSetting = "ChatApp:PublishApiDocuments";

    public static bool ArePublished(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>(PublishSetting) ?? environment.IsDevelopment();
}
