using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Api;
using ChatApp.Identity.Infrastructure;
using ChatApp.ServiceDefaults;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("identity-db", typeof(Program).Assembly);
builder.AddIdentitySecrets();
builder.AddEventBus("identity");     // publishes only: Identity handles no other service's events
builder.AddTokenIssuing();
builder.AddIdentityUseCases();
builder.Services.AddServiceOpenApi("/api/identity");

var app = builder.Build();

app.UseTrustedProxies();
app.UseProblemDetailsForErrors();
app.UseRequestBodyLimits();
app.UseAuthentication();
app.UseAuthorization();

app.MapServiceOpenApi();
app.MapDefaultEndpoints();
app.MapDiscoveryEndpoints();
app.MapAccountEndpoints();
app.MapAuthenticatorEndpoints();
app.MapPasskeyEndpoints();
app.MapSignInEndpoints();
app.MapTokenEndpoints();
app.MapSessionEndpoints();
app.MapDirectoryEndpoints();
app.MapKeyEndpoints();

app.Run();

/// <summary>The entry point, visible to the tests that host the service.</summary>
public partial class Program;
