using System.Text.Json.Serialization;
using ChatApp.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ChatApp.BuildingBlocks.Api;

public static class ServiceApiDocument
{
    /// <summary>
    /// The service's OpenAPI document as callers see it: its server is the path through the
    /// gateway (<paramref name="gatewayPrefix"/>, e.g. <c>/api/identity</c>), not the service's
    /// internal address, and numbers are numbers. ASP.NET Core's web defaults also read numbers
    /// written as strings, which the document then declares as "integer or string" for every
    /// number; the services never write them as strings, so they no longer read them so either.
    /// </summary>
    public static IServiceCollection AddServiceOpenApi(this IServiceCollection services, string gatewayPrefix)
    {
        services.Configure<JsonOptions>(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [new OpenApiServer { Url = gatewayPrefix }];
            return Task.CompletedTask;
        }));
    }

    /// <summary>The document at <c>/openapi/v1.json</c>, for anyone, where <see cref="ApiDocuments"/> says it is published.</summary>
    public static WebApplication MapServiceOpenApi(this WebApplication app)
    {
        if (ApiDocuments.ArePublished(app.Environment, app.Configuration))
            app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
