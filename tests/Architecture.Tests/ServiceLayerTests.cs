using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ChatApp.ArchitectureTests.ChatAppArchitecture;

namespace ChatApp.ArchitectureTests;

/// <summary>
/// The dependency rule inside each service: Domain knows only itself, Application knows its
/// Domain and the abstractions it owns or shares, Infrastructure implements them without
/// reaching into Api.
/// </summary>
public class ServiceLayerTests
{
    [Theory]
    [MemberData(nameof(EveryService), MemberType = typeof(ChatAppArchitecture))]
    public void Domain_depends_only_on_System_and_its_own_Domain(string service)
    {
        var domain = $"ChatApp.{service}.Domain";
        var allowed = new AllowList("System", domain);

        allowed.RuleFor(domain).Check(Loaded);
    }

    [Theory]
    [MemberData(nameof(EveryService), MemberType = typeof(ChatAppArchitecture))]
    public void Application_depends_only_on_System_Extensions_abstractions_Contracts_UseCases_and_its_own_Domain_and_Application(string service)
    {
        var application = $"ChatApp.{service}.Application";
        var allowed = new AllowList(
            "System",
            "Microsoft.Extensions.Options",
            "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Logging",
            "ChatApp.Contracts",
            "ChatApp.BuildingBlocks.UseCases",
            $"ChatApp.{service}.Domain",
            application);

        allowed.RuleFor(application).Check(Loaded);
    }

    [Theory]
    [MemberData(nameof(EveryService), MemberType = typeof(ChatAppArchitecture))]
    public void Infrastructure_does_not_depend_on_Api(string service) =>
        Types().That().ResideInNamespaceMatching(NamespaceAndBelow($"ChatApp.{service}.Infrastructure"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(NamespaceAndBelow($"ChatApp.{service}.Api")))
            .Check(Loaded);
}
