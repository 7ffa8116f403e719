using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApp.BuildingBlocks.Api;
using ChatApp.Calls.Api.Hub;
using FluentValidation;

namespace ChatApp.Calls.Api;

public static class CallsApi
{
    /// <summary>The hub and its backplane, request validators, enums as names in JSON, and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddCallsApi(this IHostApplicationBuilder builder)
    {
        builder.AddCallsRealtime();
        builder.Services.AddSingleton<IValidator<InviteRequest>, InviteRequestValidator>();
        builder.Services.AddSingleton<IValidator<DescriptionRequest>, DescriptionRequestValidator>();
        builder.Services.AddSingleton<IValidator<CandidateRequest>, CandidateRequestValidator>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddServiceOpenApi("/api/calls");
        return builder;
    }
}
