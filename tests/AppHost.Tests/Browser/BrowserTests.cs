namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// The browser tests share the whole system and run one at a time: each drives several
/// Chromium pages, and the machine has two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTests
{
    public const string Name = "Browser";
}
