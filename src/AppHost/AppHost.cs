using ChatApp.AppHost;
using ChatApp.AppHost.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);
var settings = ChatAppSettings.From(builder);

// Servers: local processes with data under .data/ (containers with ChatApp:UseContainers),
// or existing ones named in configuration.
var mysql = builder.AddMySqlServer(settings);
var broker = builder.AddMessageBroker(settings);
var mail = builder.AddMailServer(settings);
var redis = builder.AddRedis(settings);
var turn = builder.AddTurnServer(settings);

// Identity and Notifications keep secrets in their databases encrypted; this key guards their key rings.
var keyEncryptionKey = builder.AddKeyEncryptionKey();
// Sign-in codes travel from Identity to Notifications sealed under a key only those two hold.
var eventSealingKey = builder.AddParameter("event-sealing-key",
    new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

// Services: each owns one database and shares the broker.
var identity = builder.AddChatAppService<Projects.Identity>("identity", mysql.AddDatabase("identity-db", "chatapp_identity"), broker)
    .WithKeyEncryptionKey(keyEncryptionKey)
    .WithEnvironment("EventSealing__Key", eventSealingKey)
    .WithPublicAddress(settings, "Passkeys__Origins");
// The others validate Identity's access tokens with the keys it publishes (http://identity/.well-known/…).
// Messaging keeps presence in Redis and pushes through it to the connections of every replica.
var messaging = builder.AddChatAppService<Projects.Messaging>("messaging", mysql.AddDatabase("messaging-db", "chatapp_messaging"), broker)
    .WithReference(identity)
    .WithReference(redis).WaitFor(redis)
    .WithPublicAddress(settings, "Messaging__AllowedOrigins__0");
// Calls signals through its hub (Redis backplane, as Messaging) and hands out TURN credentials.
var calls = builder.AddChatAppService<Projects.Calls>("calls", mysql.AddDatabase("calls-db", "chatapp_calls"), broker)
    .WithReference(identity)
    .WithReference(redis).WaitFor(redis)
    .WithTurn(turn)
    .WithPublicAddress(settings, "Calls__AllowedOrigins__0");
var notifications = builder.AddChatAppService<Projects.Notifications>("notifications", mysql.AddDatabase("notifications-db", "chatapp_notifications"), broker)
    .WithKeyEncryptionKey(keyEncryptionKey)
    .WithReference(identity)
    .WithEnvironment("EventSealing__Key", eventSealingKey)
    .WithSmtp(mail)
    .WithPublicAddress(settings, "Email__PublicAddress");

// The one public entry: the web app and every API and hub, on a known port.
builder.AddGateway(settings, identity, messaging, calls, notifications);

builder.Build().Run();
