using System.Net;
using System.Text.Json;
using ChatApp.Messaging.Domain;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Request bodies are small (64 KiB unless an endpoint needs more, as a message send does) at the
/// service and at the gateway; a larger one is answered 413 with problem details and changes nothing.
/// </summary>
public sealed class BodyLimitTests(MessagingFixture fixture)
{
    // What an endpoint without a limit of its own accepts (RequestLimits:MaxBodyBytes unset).
    private const long DefaultLimit = 64 * 1024;

    // What src/Gateway/appsettings.json lets through: the largest body any service accepts.
    private const long GatewayLimit = 512 * 1024;

    [Fact]
    public async Task A_body_over_the_default_limit_is_refused_413_and_nothing_is_made()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        // 70 KB: over the 64 KiB an endpoint without a limit of its own accepts.
        var oversized = new { name = "Group", memberIds = new[] { ben.Id }, padding = new string('x', 70_000) };

        var problem = await (await ann.CallAsync(HttpMethod.Post, "/groups", WithLength(oversized))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains($"{DefaultLimit} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.MembershipCountAsync(ann));
    }

    [Fact]
    public async Task A_body_sent_in_chunks_without_a_length_is_stopped_at_the_limit_with_413()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        var first = await ann.SendDirectAsync(ben, "hello");
        // Over what a send accepts (twice the largest envelope and some); no Content-Length tells it beforehand.
        var json = JsonSerializer.Serialize(new { clientMessageId = Guid.NewGuid(), body = new string('x', 3 * MessageBody.DefaultMaxBytes) });

        using var http = ann.Http();
        await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(first.ConversationId),
            () => http.CallAsync(HttpMethod.Post, $"/conversations/{first.ConversationId}/messages", new ChunkedContent(json)), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_largest_message_that_JSON_escaping_doubles_still_fits_the_send_endpoint()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        var envelope = Envelopes.Direct(ann.Id, ben.Id, "padded");
        // Every newline is two bytes in JSON: the request is about 128 KiB, over the default limit.
        var escaped = envelope + new string('\n', MessageBody.DefaultMaxBytes - envelope.Length);

        var sent = await ann.SendDirectBodyAsync(ben, escaped);

        Assert.Equal(escaped, (await ben.HistoryAsync(sent.ConversationId)).Messages.Single().Body);
    }

    [Fact]
    public async Task The_gateway_refuses_a_body_over_its_limit_with_413_and_forwards_the_rest()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        await using var gateway = await GatewayInFront.StartAsync(fixture.Primary);
        using var http = fixture.Http(ann);
        http.BaseAddress = gateway.Address;
        // The gateway answers 413 from the Content-Length and closes the connection without reading
        // the megabyte: a client that waits for "100 Continue" reads that answer instead of a reset.
        http.DefaultRequestHeaders.ExpectContinue = true;
        var huge = new { name = "Group", memberIds = new[] { ben.Id }, padding = new string('x', 1024 * 1024) };

        var atTheGateway = await (await http.CallAsync(HttpMethod.Post, "/api/messaging/groups", WithLength(huge))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        // Under the gateway's limit, over the endpoint's: the service answers.
        var atTheService = await (await http.CallAsync(HttpMethod.Post, "/api/messaging/groups", WithLength(huge with { padding = new string('x', 100_000) })))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var group = await http.CallAsync(HttpMethod.Post, "/api/messaging/groups", new { name = "Group", memberIds = new[] { ben.Id } });

        Assert.Contains($"{GatewayLimit} bytes", atTheGateway.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"{DefaultLimit} bytes", atTheService.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        Assert.Equal(1, await fixture.MembershipCountAsync(ann));
    }

    /// <summary>JSON with its Content-Length, which lets the limit answer before reading anything.</summary>
    private static StringContent WithLength(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");
}
