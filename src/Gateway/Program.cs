using ChatApp.Gateway;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseProblemDetailsForErrors();
app.UseRequestBodyLimits();
app.UseWebSockets();
app.UseWebApp();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapWebAppFallback();

app.Run();
