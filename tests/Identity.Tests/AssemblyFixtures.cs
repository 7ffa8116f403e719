using ChatApp.Identity.Tests.Api;

[assembly: AssemblyFixture(typeof(IdentityFixture))]
