using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Contracts;
using ChatApp.Notifications.Api;
using ChatApp.Notifications.Application;
using ChatApp.Notifications.Application.Events;
using ChatApp.Notifications.Infrastructure;
using ChatApp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("notifications-db", typeof(Program).Assembly);
builder.AddNotificationsSecrets();
builder.AddEventBus("notifications", events => events
    .Handle<UserRegistered, WelcomeNewUser>()
    .Handle<UserProfileChanged, UpdateRecipientProfile>()
    .Handle<SignInCodeRequested, SendSignInCode>()
    .Handle<CallMissed, SendMissedCallEmail>()
    .Handle<UnreadMessagesWaiting, SendUnreadDigest>());
builder.AddTokenAuthentication();
builder.AddNotificationsInfrastructure();   // recipients, templates, the email queue and its SMTP worker, unsubscribe links
builder.Services.AddPreferenceUseCases();
builder.AddNotificationsApi();              // validators, OpenAPI

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.UseRequestBodyLimits();
app.UseAuthentication();
app.UseAuthorization();

app.MapServiceOpenApi();
app.MapDefaultEndpoints();
app.MapPreferencesEndpoints();
app.MapUnsubscribeEndpoints();

app.Run();

/// <summary>The entry point, visible to the tests that host the service.</summary>
public partial class Program;
