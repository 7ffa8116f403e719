using MassTransit;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("calls-db", typeof(Program).Assembly);
builder.AddEventBus("calls", bus => bus.AddConsumers(typeof(Program).Assembly));
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapDefaultEndpoints();

app.Run();
