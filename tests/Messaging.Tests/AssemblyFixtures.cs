using ChatApp.Messaging.Tests.Support;

[assembly: AssemblyFixture(typeof(MessagingFixture))]
