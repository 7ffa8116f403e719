using ChatApp.Notifications.Tests.Support;

[assembly: AssemblyFixture(typeof(NotificationsFixture))]

// The tests share one SMTP server and some of them take it down: they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
