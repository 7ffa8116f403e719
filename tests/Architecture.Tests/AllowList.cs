using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ChatApp.ArchitectureTests;

/// <summary>
/// The namespaces a layer may use (each with the namespaces below it), checked against
/// everything its types use.
/// </summary>
/// <remarks>
/// ArchUnitNET's own OnlyDependOn only sees the types of the loaded assemblies (it intersects a
/// type's dependencies with the architecture), so a use of Dapper or MassTransit would slip
/// through it unless those libraries were loaded too. This condition looks at every dependency
/// the loader recorded, loaded or not, and names each one outside the list.
/// </remarks>
public sealed class AllowList(params string[] namespaces)
{
    private string Description => "depend only on " + string.Join(", ", namespaces.Select(n => n + ".*"));

    /// <summary>The rule that every type in <paramref name="layer"/> (and below) keeps to the list.</summary>
    public IArchRule RuleFor(string layer) =>
        Types().That().ResideInNamespaceMatching(ChatAppArchitecture.NamespaceAndBelow(layer))
            .Should().FollowCustomCondition(Check, Description)
            // ArchUnitNET cuts a condition's own description at 150 characters; a custom one is printed whole.
            .As("should " + Description);

    private ConditionResult Check(IType type)
    {
        var forbidden = type.Dependencies
            .Select(dependency => dependency.Target)
            .Where(target => !Allows(target))
            .Select(target => target.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return forbidden.Count == 0
            ? new ConditionResult(type, true)
            : new ConditionResult(type, false, "depends on " + string.Join(", ", forbidden));
    }

    private bool Allows(IType target) =>
        // A generic parameter (the T of Task<T>) names no type of its own.
        target.IsGenericParameter
        // What the compiler adds to the assembly outside every namespace (anonymous types,
        // <PrivateImplementationDetails> for constant arrays and string switches, the arrays behind
        // collection expressions) is the layer's own code in another form, not a library.
        || (target.IsCompilerGenerated && target.Namespace.FullName.Length == 0)
        || namespaces.Any(allowed => IsWithin(target.Namespace.FullName, allowed));

    private static bool IsWithin(string @namespace, string allowed) =>
        @namespace == allowed || @namespace.StartsWith(allowed + ".", StringComparison.Ordinal);
}
