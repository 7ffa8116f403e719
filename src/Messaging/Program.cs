using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Messaging.Api.Endpoints;
using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Infrastructure;
using ChatApp.ServiceDefaults;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("messaging-db", typeof(Program).Assembly);
builder.AddEventBus("messaging", bus =>
{
    bus.AddConsumers(typeof(Program).Assembly);
    // The names projection's consumers are shared with Calls, in BuildingBlocks.
    bus.AddConsumer<RememberUser>();
    bus.AddConsumer<UpdateUserNames>();
});
builder.AddTokenAuthentication();
builder.AddMessagingUseCases();
builder.AddRealtime();
builder.AddUnreadDigests();
builder.Services.AddServiceOpenApi("/api/messaging");

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.UseRequestBodyLimits();
app.UseHubOriginCheck(app.Configuration, "Messaging");
app.UseAuthentication();
app.UseAuthorization();

app.MapServiceOpenApi();
app.MapDefaultEndpoints();
app.MapConversationEndpoints();
app.MapMessageEndpoints();
app.MapGroupEndpoints();
app.MapPresenceEndpoints();
app.MapChatHub();

app.Run();

/// <summary>The entry point, visible to the tests that host the service.</summary>
public partial class Program;
