using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.ServiceDefaults;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("notifications-db", typeof(Program).Assembly);
builder.AddEventBus("notifications", bus => bus.AddConsumers(typeof(Program).Assembly));
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapDefaultEndpoints();

app.Run();
