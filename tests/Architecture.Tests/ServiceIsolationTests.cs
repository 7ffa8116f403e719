using System.Xml.Linq;
using ArchUnitNET.xUnitV3;
using ChatApp.Testing;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ChatApp.ArchitectureTests.ChatAppArchitecture;

namespace ChatApp.ArchitectureTests;

/// <summary>Services talk through Contracts and the broker, never through each other's code.</summary>
public class ServiceIsolationTests
{
    [Theory]
    [MemberData(nameof(EveryService), MemberType = typeof(ChatAppArchitecture))]
    public void No_type_of_a_service_depends_on_another_service(string service) =>
        // Every type of the assembly, Program included, not only those under ChatApp.<Service>.
        Types().That().ResideInAssembly(AssemblyOf(service))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(AnyOfServices(Services.Where(other => other != service))))
            .Check(Loaded);

    [Theory]
    [MemberData(nameof(EveryService), MemberType = typeof(ChatAppArchitecture))]
    public void No_service_project_references_another_service_project(string service)
    {
        var project = $"src/{service}/{service}.csproj";
        var referenced = XDocument.Load(Path.Combine(RepositoryRoot.Path, project)).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var otherServices = referenced.Intersect(Services.Where(other => other != service)).ToList();

        Assert.NotEmpty(referenced); // it does reference BuildingBlocks and Contracts: the file was read right
        Assert.True(otherServices.Count == 0,
            $"{project} references {string.Join(", ", otherServices.Select(other => $"src/{other}/{other}.csproj"))}: services talk through ChatApp.Contracts events, never through each other's code.");
    }
}
