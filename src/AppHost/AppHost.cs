using ChatApp.AppHost;
using ChatApp.AppHost.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);
var settings = ChatAppSettings.From(builder);

// Servers: local processes under .data/, or existing ones named in configuration.
var mysql = MariaDbServer.Add(builder, settings);
var broker = RabbitMqBroker.Add(builder, settings);

// Services: each owns one database and shares the broker.
var identity = builder.AddChatAppService<Projects.Identity>("identity", mysql.Database(builder, "identity-db", "chatapp_identity"), broker);
var messaging = builder.AddChatAppService<Projects.Messaging>("messaging", mysql.Database(builder, "messaging-db", "chatapp_messaging"), broker);
var calls = builder.AddChatAppService<Projects.Calls>("calls", mysql.Database(builder, "calls-db", "chatapp_calls"), broker);
var notifications = builder.AddChatAppService<Projects.Notifications>("notifications", mysql.Database(builder, "notifications-db", "chatapp_notifications"), broker)
    .WithSmtp(builder, settings);

// The one public entry: the web app and every API and hub, on a known port.
builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: settings.GatewayPort, name: "http")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(identity).WaitFor(identity)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(calls).WaitFor(calls)
    .WithReference(notifications).WaitFor(notifications);

builder.Build().Run();
