namespace ChatApp.AppHost.Tests;

/// <summary>Tests that time something: xUnit runs this collection after the parallel ones, one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Measurements
{
    public const string Name = "Measurements";
}
