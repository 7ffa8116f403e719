using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Contracts;
using ChatApp.Messaging.Api;
using ChatApp.Messaging.Api.Endpoints;
using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Application;
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
builder.Services.AddMessagingUseCases();
builder.AddMessagingInfrastructure();   // MySQL stores; Redis presence, rate limits and heartbeat; unread-digest worker
builder.AddMessagingApi();              // chat hub + Redis backplane, validators, OpenAPI

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.UseRequestBodyLimits();
app.UseHubOriginCheck(app.Configuration, "Messaging");
app.UseAuthentication();
app.UseAuthorization();

app.MapServiceOpenApi();
app.MapDefaultEndpoints();
app.MapConversationEndpoints();         // list, get, sync
app.MapMessageEndpoints();              // history, send, edit, delete, receipts, direct messages
app.MapGroupEndpoints();                // create, rename, delete, members, roles, hand over, leave
app.MapPresenceEndpoints();             // who is online
app.MapChatHub();                       // /hubs/chat

app.Run();

/// <summary>The entry point, visible to the tests that host the service.</summary>
public partial class Program;
