using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.ServiceDefaults;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("calls-db", typeof(Program).Assembly);
builder.AddEventBus("calls", bus => bus.AddConsumers(typeof(Program).Assembly));
builder.Services.AddServiceOpenApi("/api/calls");

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapDefaultEndpoints();

app.Run();
