using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

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
            "ConnectionStrings:rabbitmq=amqp://chat:secret@mq.invalid:5672/",
            "ConnectionStrings:redis=cache.invalid:6379,password=secret",
            "Smtp:Host=mail.invalid",
            "Smtp:Port=587");

        Assert.Empty(Executables(builder));
        Assert.Equal(
            "Server=db.invalid;Port=3306;User ID=chat;Password=secret;Database=chatapp_identity",
            await ConnectionString(builder, "identity-db"));
        Assert.Equal("amqp://chat:secret@mq.invalid:5672/", await ConnectionString(builder, "rabbitmq"));
        Assert.Equal("cache.invalid:6379,password=secret", await ConnectionString(builder, "redis"));
    }

    [Fact]
    public async Task With_containers_the_servers_are_containers()
    {
        await using var builder = await CreateBuilder("ChatApp:UseContainers=true");

        var containers = builder.Resources.OfType<ContainerResource>().Select(resource => resource.Name).Order();
        Assert.Equal(["mariadb", "rabbitmq-server", "redis-server", "smtp4dev"], containers);
        Assert.Empty(Executables(builder));
        Assert.All(builder.Resources.OfType<ContainerResource>(),
            container => Assert.NotEmpty(container.Annotations.OfType<HealthCheckAnnotation>()));
    }

    [Fact]
    public async Task The_gateway_listens_on_port_5080_unless_configured()
    {
        await using var builder = await CreateBuilder();

        var gateway = Assert.Single(builder.Resources.OfType<ProjectResource>(), resource => resource.Name == "gateway");
        var endpoint = Assert.Single(gateway.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "http");
        Assert.Equal(5080, endpoint.Port);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task<IDistributedApplicationTestingBuilder> CreateBuilder(params string[] settings) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"ChatApp:DataDirectory={_dataDirectory}", "Parameters:mariadb-password=test", "Parameters:rabbitmq-password=test", "Parameters:redis-password=test", .. settings]);

    /// <summary>Executables the AppHost starts (Aspire's per-project rebuilders start only on request).</summary>
    private static IEnumerable<string> Executables(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources
            .Where(resource => resource is ExecutableResource && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(resource => resource.Name);

    private static async Task<string?> ConnectionString(IDistributedApplicationTestingBuilder builder, string name) =>
        await builder.Resources.OfType<IResourceWithConnectionString>().Single(resource => resource.Name == name)
            .ConnectionStringExpression.GetValueAsync(default);
}
