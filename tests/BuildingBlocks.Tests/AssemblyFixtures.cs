using ChatApp.Testing;

[assembly: AssemblyFixture(typeof(MariaDbFixture))]
[assembly: AssemblyFixture(typeof(RabbitMqFixture))]
