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
        // Every type of the assembly, Program and the compiler's types included, not only those under ChatApp.<Service>.
        Types().That().ResideInAssembly(AssemblyOf(service))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(AnyOfServices(Services.Where(other => other != service))))
            .Check(Loaded);

    [Theory]
    [MemberData(nameof(EveryService), MemberType = typeof(ChatAppArchitecture))]
    public void No_service_project_references_another_service_project(string service)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", service, $"{service}.csproj");
        var referenced = XDocument.Load(project).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.Empty(referenced.Intersect(Services.Where(other => other != service)));
    }
}
