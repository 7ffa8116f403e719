using ChatApp.Gateway;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Clients reach the gateway directly: it believes nobody's X-Forwarded-For unless a load balancer
// in front of it is named (ForwardedHeaders:KnownProxies / KnownNetworks). YARP then sets (not
// appends) X-Forwarded-For to the client's address on every proxied request, its default.
builder.AddTrustedProxies(trustLoopback: false);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseTrustedProxies();

app.UseSecurityHeaders();
app.UseProblemDetailsForErrors();
app.UseInternalPathsClosed();
app.UseRequestBodyLimits();
app.UseWebSockets();
app.UseWebApp();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapWebAppFallback();

app.Run();
