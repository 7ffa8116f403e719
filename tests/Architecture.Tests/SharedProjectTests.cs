using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ChatApp.ArchitectureTests.ChatAppArchitecture;

namespace ChatApp.ArchitectureTests;

/// <summary>What every service shares must not lean on any of them.</summary>
public class SharedProjectTests
{
    [Fact]
    public void Contracts_depend_only_on_System_and_Contracts()
    {
        var allowed = new AllowList("System", "ChatApp.Contracts");

        allowed.RuleFor("ChatApp.Contracts").Check(Loaded);
    }

    [Theory]
    [InlineData("BuildingBlocks")]
    [InlineData("ServiceDefaults")]
    public void Shared_project_depends_on_no_service(string project) =>
        Types().That().ResideInAssembly(AssemblyOf(project))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(AnyOfServices(Services)))
            .Check(Loaded);
}
