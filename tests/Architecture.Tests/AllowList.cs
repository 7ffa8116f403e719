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
///
/// What the compiler adds needs no exception here. The attributes it puts on our types
/// (Nullable, AsyncStateMachine, CompilerGenerated…) are System.*. The types it generates
/// (async state machines, lambda closures, &lt;PrivateImplementationDetails&gt;, the
/// &lt;&gt;z__ReadOnlyArray behind a collection expression) are dropped by ArchUnitNET's loader,
/// which counts their code as the code of the member they came from: a Dapper call inside a lambda
/// or an async method is reported against the class that wrote it. A generic parameter belongs to
/// the namespace of the type or method that declares it, so it passes whenever its owner does.
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

    private bool Allows(IType target) => namespaces.Any(allowed => IsWithin(target.Namespace.FullName, allowed));

    private static bool IsWithin(string @namespace, string allowed) =>
        @namespace == allowed || @namespace.StartsWith(allowed + ".", StringComparison.Ordinal);
}
