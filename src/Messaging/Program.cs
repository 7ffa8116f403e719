using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Contracts;
using ChatApp.Messaging.Api.Endpoints;
using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.Messaging.Infrastructure;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("messaging-db", typeof(Program).Assembly);
builder.AddEventBus("messaging", events => events
    .Handle<UserRegistered, RememberUser>()          // the names projection's handlers are shared with Calls
    .Handle<UserProfileChanged, UpdateUserNames>()
    .Handle<SessionsEnded, EndSessions>());
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
