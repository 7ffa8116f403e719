using ChatApp.Calls.Tests.Support;

[assembly: AssemblyFixture(typeof(CallsFixture))]
