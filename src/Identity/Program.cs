using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Api;
using ChatApp.Identity.Application;
using ChatApp.Identity.Infrastructure;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("identity-db", typeof(Program).Assembly);
builder.AddIdentitySecrets();          // secrets at rest, HMAC keys, the seal for sign-in codes
builder.AddEventBus("identity");       // publishes only: Identity handles no other service's events
builder.AddIdentityInfrastructure();   // signing keys and tokens, stores, hashing, limits, WebAuthn, housekeeping
builder.Services.AddIdentityUseCases();
builder.AddIdentityApi();              // cookies, validators, trusted gateway, OpenAPI

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
