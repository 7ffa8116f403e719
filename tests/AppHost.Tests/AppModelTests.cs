using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// The app model the AppHost builds for other configurations, inspected without starting
/// anything: existing servers passed through, containers instead of local processes.
/// </summary>
public sealed class AppModelTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatapp-apphost-model-{Guid.NewGuid():N}");

    [Fact]
    public async Task Existing_servers_named_in_configuration_are_used_and_no_local_server_is_started()
    {
        await using var builder = await CreateBuilder(
            "ConnectionStrings:mysql-server=Server=db.invalid;Port=3306;User ID=chat;Password=secret",
            // A service's own user on that server, as the operator set it up.
            "ConnectionStrings:calls-db=Server=db.invalid;Port=3306;User ID=chatapp_calls;Password=calls-secret;Database=chatapp_calls",
            "ConnectionStrings:rabbitmq=amqp://chat:secret@mq.invalid:5672/",
            "ConnectionStrings:redis=cache.invalid:6379,password=secret",
            "Smtp:Host=mail.invalid",
            "Smtp:Port=587",
            "ChatApp:Turn:Urls:0=turn:turn.invalid:3478?transport=udp",
            "ChatApp:Turn:Urls:1=turns:turn.invalid:5349?transport=tcp",
            "ChatApp:Turn:StunUrls:0=stun:turn.invalid:3478",
            "ChatApp:Turn:Secret=turn-secret-value");

        Assert.Empty(Executables(builder));
        Assert.Equal(
            "Server=db.invalid;Port=3306;User ID=chat;Password=secret;Database=chatapp_identity",
            await ConnectionString(builder, "identity-db"));
        Assert.Equal(
            "Server=db.invalid;Port=3306;User ID=chatapp_calls;Password=calls-secret;Database=chatapp_calls",
            await ConnectionString(builder, "calls-db"));
        Assert.Equal("amqp://chat:secret@mq.invalid:5672/", await ConnectionString(builder, "rabbitmq"));
        Assert.Equal("cache.invalid:6379,password=secret", await ConnectionString(builder, "redis"));
        var calls = await EnvironmentOf(builder, "calls");
        Assert.Equal("turn:turn.invalid:3478?transport=udp", calls["Turn__Urls__0"]);
        Assert.Equal("turns:turn.invalid:5349?transport=tcp", calls["Turn__Urls__1"]);
        Assert.False(calls.ContainsKey("Turn__Urls__2"));
        Assert.Equal("stun:turn.invalid:3478", calls["Turn__StunUrls__0"]);
        Assert.Equal("{turn-secret.value}", calls["Turn__Secret"]);
        var secret = Assert.Single(builder.Resources.OfType<ParameterResource>(), parameter => parameter.Name == "turn-secret");
        Assert.True(secret.Secret);
        Assert.Equal("turn-secret-value", await secret.GetValueAsync(default));
    }

    [Fact]
    public async Task A_local_turn_server_is_started_with_a_health_check_and_calls_waits_for_it()
    {
        await using var builder = await CreateBuilder();

        var turn = Assert.Single(builder.Resources.OfType<ExecutableResource>(), resource => resource.Name == "turn");
        Assert.NotEmpty(turn.Annotations.OfType<HealthCheckAnnotation>());
        var calls = Assert.Single(builder.Resources.OfType<ProjectResource>(), resource => resource.Name == "calls");
        Assert.Contains(calls.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == turn);
    }

    [Fact]
    public async Task With_containers_the_servers_are_containers()
    {
        // No TURN container: its relay addresses would be the container's own (see the next test).
        await using var builder = await CreateBuilder(
            "ChatApp:UseContainers=true", "ChatApp:Turn:Urls:0=turn:turn.invalid:3478", "ChatApp:Turn:Secret=secret");

        var containers = builder.Resources.OfType<ContainerResource>().Select(resource => resource.Name).Order();
        Assert.Equal(["mariadb", "rabbitmq-server", "redis-server", "smtp4dev"], containers);
        Assert.Empty(Executables(builder));
        Assert.All(builder.Resources.OfType<ContainerResource>(),
            container => Assert.NotEmpty(container.Annotations.OfType<HealthCheckAnnotation>()));
        // Root (the admin password) sets the server up; each service's user gets its password for the init script.
        var mariadb = await EnvironmentOf(builder, "mariadb");
        Assert.Equal("{mariadb-password.value}", mariadb["MARIADB_ROOT_PASSWORD"]);
        Assert.Equal("{calls-db-password.value}", mariadb["CHATAPP_CALLS_PASSWORD"]);
        Assert.False(mariadb.ContainsKey("MARIADB_USER"));
    }

    [Fact]
    public async Task With_containers_a_turn_server_must_be_named_in_configuration()
    {
        var refusal = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var builder = await CreateBuilder("ChatApp:UseContainers=true");
        });

        Assert.IsType<NotSupportedException>(refusal.GetBaseException());
        Assert.Contains("ChatApp:Turn:Urls", refusal.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_identity_and_notifications_hold_the_key_sign_in_codes_are_sealed_under()
    {
        await using var builder = await CreateBuilder();

        foreach (var service in new[] { "identity", "notifications" })
            Assert.Equal("{event-sealing-key.value}", (await EnvironmentOf(builder, service))["EventSealing__Key"]);
        foreach (var service in new[] { "messaging", "calls", "gateway" })
            Assert.DoesNotContain("EventSealing__Key", (await EnvironmentOf(builder, service)).Keys);
    }

    [Fact]
    public async Task The_gateway_listens_on_port_5080_unless_configured()
    {
        await using var builder = await CreateBuilder();

        var gateway = Assert.Single(builder.Resources.OfType<ProjectResource>(), resource => resource.Name == "gateway");
        var endpoint = Assert.Single(gateway.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "http");
        Assert.Equal(5080, endpoint.Port);
    }

    [Fact]
    public async Task Identity_and_notifications_get_the_secret_key_encryption_key_and_no_other_service_does()
    {
        await using var builder = await CreateBuilder();

        var kek = Assert.Single(builder.Resources.OfType<ParameterResource>(), parameter => parameter.Name == "data-protection-kek");
        Assert.True(kek.Secret);
        foreach (var service in new[] { "identity", "notifications" })
        {
            var environment = await EnvironmentOf(builder, service);
            Assert.Equal("apphost", environment["DataProtection__CurrentKeyEncryptionKeyId"]);
            Assert.Equal("{data-protection-kek.value}", environment["DataProtection__KeyEncryptionKeys__apphost"]);
        }

        foreach (var service in new[] { "messaging", "calls", "gateway" })
            Assert.DoesNotContain((await EnvironmentOf(builder, service)).Keys, key => key.StartsWith("DataProtection__", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task<IDistributedApplicationTestingBuilder> CreateBuilder(params string[] settings) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"ChatApp:DataDirectory={_dataDirectory}", "Parameters:mariadb-password=test",
                "Parameters:identity-db-password=test", "Parameters:messaging-db-password=test", "Parameters:calls-db-password=test", "Parameters:notifications-db-password=test",
                "Parameters:rabbitmq-password=test", "Parameters:redis-password=test", "Parameters:turn-secret=test", "Parameters:event-sealing-key=test", "Parameters:data-protection-kek=test-key-encryption-key-of-32-or-more-chars", .. settings]);

    /// <summary>Executables the AppHost starts (Aspire's per-project rebuilders start only on request).</summary>
    private static IEnumerable<string> Executables(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources
            .Where(resource => resource is ExecutableResource && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(resource => resource.Name);

    /// <summary>The environment a resource is given (as the manifest would show it: no ports need allocating).</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOf(IDistributedApplicationTestingBuilder builder, string name)
    {
        var resource = builder.Resources.Single(resource => resource.Name == name);
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, CancellationToken.None);
        return configuration.EnvironmentVariables.ToDictionary(variable => variable.Key, variable => variable.Value);
    }

    private static async Task<string?> ConnectionString(IDistributedApplicationTestingBuilder builder, string name) =>
        await builder.Resources.OfType<IResourceWithConnectionString>().Single(resource => resource.Name == name)
            .ConnectionStringExpression.GetValueAsync(default);
}
