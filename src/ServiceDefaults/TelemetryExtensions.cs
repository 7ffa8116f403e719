using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatApp.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>Sources and meters of the libraries we use that report without an instrumentation package.</summary>
    private static readonly string[] LibrarySources =
    [
        "MySqlConnector",                        // queries and connection pool
        "MassTransit",                           // publish, send, consume
        "Microsoft.AspNetCore.SignalR.Server",   // hub invocations
        "Yarp.ReverseProxy",                     // gateway forwarding
    ];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(LibrarySources)
                .AddMeter(ChatAppTelemetry.MeterName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(LibrarySources)
                .AddSource(ChatAppTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    // The orchestrator's probes every few seconds would bury real traces; a health
                    // request that arrives with a trace (through the gateway) is traced like any other.
                    aspNetCore.Filter = context => !IsUntracedHealthProbe(context.Request))
                .AddHttpClientInstrumentation());

        // The AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT to the dashboard; elsewhere telemetry stays in-process.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            builder.Services.AddOpenTelemetry().UseOtlpExporter();

        return builder;
    }

    private static bool IsUntracedHealthProbe(HttpRequest request) =>
        (request.Path.StartsWithSegments(HealthEndpoints.HealthPath) || request.Path.StartsWithSegments(HealthEndpoints.AlivePath))
        && !request.Headers.ContainsKey("traceparent");
}
