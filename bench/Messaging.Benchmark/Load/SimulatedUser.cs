using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatApp.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Benchmark.Load;

/// <summary>
/// One person's device: a hub connection through the gateway. It sends messages whose envelope
/// (version 1, shaped as Messaging requires, keys for the two of them: <see cref="TestEnvelope"/>)
/// carries the moment it was sent, and when a message from its peer arrives, records how long it
/// took and reports it delivered, as the web app does.
/// </summary>
public sealed class SimulatedUser : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly LatencyRecorder _latencies;
    private readonly bool _acknowledge;
    private readonly string _padding;

    private SimulatedUser(Guid id, HubConnection connection, LatencyRecorder latencies, bool acknowledge, int bodyBytes)
    {
        Id = id;
        _connection = connection;
        _latencies = latencies;
        _acknowledge = acknowledge;
        // The text in the envelope (its ciphertext is that and a 16-byte tag): the timestamp, a bar and padding.
        _padding = new string('x', Math.Max(0, bodyBytes - 24));
        _connection.On<JsonElement>("MessageReceived", OnMessage);
    }

    public Guid Id { get; }

    /// <summary>Where this user's messages go: a conversation id for Messaging, the peer's id for the relay.</summary>
    public Guid Target { get; set; }

    /// <summary>The other person of the pair: with this user, whom an envelope holds keys for.</summary>
    public Guid PeerId { get; set; }

    public bool Connected => _connection.State == HubConnectionState.Connected;

    public static async Task<SimulatedUser> ConnectAsync(Uri hub, Guid id, string token, LatencyRecorder latencies, bool acknowledge, int bodyBytes)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        // Under load a server answers in seconds, not the default 30 s timeout's range; keep the defaults otherwise.
        var user = new SimulatedUser(id, connection, latencies, acknowledge, bodyBytes);
        await connection.StartAsync();
        return user;
    }

    /// <summary>Sends one message; completes with the server's answer (the ✓).</summary>
    public Task<JsonElement> SendAsync(string method = "SendMessage") =>
        _connection.InvokeAsync<JsonElement>(method, Target, new
        {
            clientMessageId = Guid.NewGuid(),
            body = TestEnvelope.Build(Id, [Id, PeerId], Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture) + "|" + _padding),
        });

    private void OnMessage(JsonElement message)
    {
        if (message.GetProperty("senderId").GetGuid() == Id)
            return; // My own message echoed to my devices.
        var body = TestEnvelope.TextOf(message.GetProperty("body").GetString())!;
        var sentAt = long.Parse(body.AsSpan(0, body.IndexOf('|', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        _latencies.Record(Stopwatch.GetElapsedTime(sentAt));
        if (_acknowledge)
            _ = _connection.SendAsync("UpdateReceipts", Target, new { deliveredSequence = message.GetProperty("sequence").GetInt64() });
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
