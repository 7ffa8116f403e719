[assembly: AssemblyFixture(typeof(ChatApp.AppHost.Tests.WholeSystemFixture))]
