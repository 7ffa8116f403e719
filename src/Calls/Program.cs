using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Calls.Api;
using ChatApp.Calls.Api.Endpoints;
using ChatApp.Calls.Api.Hub;
using ChatApp.Calls.Application;
using ChatApp.Calls.Infrastructure;
using ChatApp.Contracts;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCallsInfrastructure();   // database and its stores, deadline worker
builder.AddEventBus("calls", events => events
    .Handle<UserRegistered, RememberUser>()
    .Handle<UserProfileChanged, UpdateUserNames>());
builder.AddTokenAuthentication();
builder.Services.AddCallsUseCases();
builder.AddCallsApi();              // hub + Redis backplane, validators, OpenAPI

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.UseRequestBodyLimits();
app.UseHubOriginCheck(app.Configuration, "Calls");
app.UseAuthentication();
app.UseAuthorization();

app.MapServiceOpenApi();
app.MapDefaultEndpoints();
app.MapCallHistoryEndpoints();
app.MapIceServerEndpoints();
app.MapCallHub();

app.Run();

/// <summary>The entry point, visible to the tests that host the service.</summary>
public partial class Program;
