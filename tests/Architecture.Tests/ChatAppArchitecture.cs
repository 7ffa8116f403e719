using System.Reflection;
using System.Text.RegularExpressions;
using ArchUnitNET.Loader;
using Architecture = ArchUnitNET.Domain.Architecture;

namespace ChatApp.ArchitectureTests;

/// <summary>
/// The compiled assemblies of the solution, read once per test run: ArchUnitNET's loader walks
/// every type and method body with Mono.Cecil, which takes a few seconds, so every rule shares
/// the one <see cref="Loaded"/> architecture.
/// </summary>
public static class ChatAppArchitecture
{
    /// <summary>The four services; each is one assembly named after it, with namespaces ChatApp.&lt;Service&gt;.*.</summary>
    public static readonly IReadOnlyList<string> Services = ["Identity", "Messaging", "Calls", "Notifications"];

    /// <summary>The projects every service may share; none of them may know a service.</summary>
    public static readonly IReadOnlyList<string> SharedProjects = ["Contracts", "BuildingBlocks", "ServiceDefaults"];

    public static readonly Architecture Loaded = new ArchLoader()
        .LoadAssemblies([.. Services.Concat(SharedProjects).Select(AssemblyOf)])
        .Build();

    /// <summary>The assembly of a project, by its name (the project's file name): naming a type instead would tie these tests to code the services move.</summary>
    public static Assembly AssemblyOf(string project) => Assembly.Load(new AssemblyName(project));

    /// <summary>A pattern for the types of a namespace and of the namespaces below it.</summary>
    public static string NamespaceAndBelow(string @namespace) => $@"^{Regex.Escape(@namespace)}(\.|$)";

    /// <summary>A pattern for the types of any of the given services.</summary>
    public static string AnyOfServices(IEnumerable<string> services) =>
        $@"^ChatApp\.({string.Join('|', services.Select(Regex.Escape))})(\.|$)";

    public static TheoryData<string> EveryService() => [.. Services];
}
