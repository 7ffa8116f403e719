using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatApp.Testing;

namespace ChatApp.Messaging.Benchmark.Load;

/// <summary>
/// One person's device: a hub connection through the gateway (<see cref="HubSocket"/>). It sends
/// messages whose envelope (version 1, shaped as Messaging requires, keys for the two of them:
/// <see cref="TestEnvelope"/>) carries the moment it was sent in its ciphertext, and when a message
/// from its peer arrives, records how long it took and reports it delivered as the web app does:
/// the highest sequence received, gathered for 100 ms per conversation, sent without waiting for
/// an answer.
/// </summary>
public sealed class SimulatedUser : IAsyncDisposable
{
    private static readonly TimeSpan ReceiptDelay = TimeSpan.FromMilliseconds(100);
    private readonly LatencyRecorder _latencies;
    private readonly bool _acknowledge;
    private readonly byte[] _padding;
    private HubSocket _hub = null!;
    private string _envelopeStart = "", _envelopeEnd = "";
    private Guid _peerId;
    private long _receivedSequence;
    private int _receiptPending;

    private SimulatedUser(Guid id, LatencyRecorder latencies, bool acknowledge, int bodyBytes)
    {
        Id = id;
        _latencies = latencies;
        _acknowledge = acknowledge;
        // The text in the envelope (its ciphertext is that and a 16-byte tag): the timestamp, a bar and padding.
        _padding = Encoding.ASCII.GetBytes("|" + new string('x', Math.Max(0, bodyBytes - 24)));
    }

    public Guid Id { get; }

    /// <summary>Where this user's messages go: a conversation id for Messaging, the peer's id for the relay.</summary>
    public Guid Target { get; set; }

    /// <summary>The other person of the pair: with this user, whom an envelope holds keys for.</summary>
    public Guid PeerId
    {
        get => _peerId;
        set
        {
            _peerId = value;
            // The envelope's parts other than the ciphertext stay the same from message to message:
            // Messaging checks their shape, not their randomness, and the load generator stays cheap.
            var envelope = TestEnvelope.Node(Id, [Id, value]);
            envelope["ct"] = "CIPHERTEXT";
            var parts = envelope.ToJsonString().Split("CIPHERTEXT");
            (_envelopeStart, _envelopeEnd) = (parts[0], parts[1]);
        }
    }

    public bool Connected => _hub.Open;

    public static async Task<SimulatedUser> ConnectAsync(Uri hub, Guid id, string token, LatencyRecorder latencies, bool acknowledge, int bodyBytes)
    {
        var user = new SimulatedUser(id, latencies, acknowledge, bodyBytes);
        user._hub = await HubSocket.ConnectAsync(hub, token, user.OnInvocation);
        return user;
    }

    /// <summary>Sends one message; completes with the server's answer (the ✓).</summary>
    public Task SendAsync() => _hub.InvokeAsync("SendMessage", WriteMessage);

    /// <summary>The pair's first message, to the peer, which makes their direct conversation; answers its id.</summary>
    public async Task<Guid> SendFirstAsync()
    {
        var answer = await _hub.InvokeAsync("SendDirectMessage", WriteMessage);
        using var message = JsonDocument.Parse(answer);
        return message.RootElement.GetProperty("conversationId").GetGuid();
    }

    private void WriteMessage(Utf8JsonWriter json)
    {
        json.WriteStringValue(Target);
        json.WriteStartObject();
        json.WriteString("clientMessageId"u8, Guid.NewGuid());
        json.WriteString("body"u8, _envelopeStart + Ciphertext() + _envelopeEnd);
        json.WriteEndObject();
    }

    /// <summary>Base64url of the text (now, then the padding) and a 16-byte tag.</summary>
    private string Ciphertext()
    {
        Span<byte> plain = stackalloc byte[20 + _padding.Length + TestEnvelope.TagBytes];
        Utf8Formatter.TryFormat(Stopwatch.GetTimestamp(), plain, out var written);
        _padding.CopyTo(plain[written..]);
        written += _padding.Length;
        RandomNumberGenerator.Fill(plain.Slice(written, TestEnvelope.TagBytes));
        return Base64Url.EncodeToString(plain[..(written + TestEnvelope.TagBytes)]);
    }

    private void OnInvocation(string target, ReadOnlyMemory<byte> arguments)
    {
        if (target != "MessageReceived")
            return;
        var (sender, sequence, sentAt) = ReadMessage(arguments.Span);
        if (sender == Id)
            return; // My own message echoed to my devices.
        _latencies.Record(Stopwatch.GetElapsedTime(sentAt));
        if (!_acknowledge)
            return;
        InterlockedMax(ref _receivedSequence, sequence);
        if (Interlocked.Exchange(ref _receiptPending, 1) == 0)
            _ = ReportDeliveredAsync();
    }

    private async Task ReportDeliveredAsync()
    {
        await Task.Delay(ReceiptDelay);
        Volatile.Write(ref _receiptPending, 0);
        var delivered = Interlocked.Read(ref _receivedSequence);
        await _hub.SendAsync("UpdateReceipts", json =>
        {
            json.WriteStringValue(Target);
            json.WriteStartObject();
            json.WriteNumber("deliveredSequence"u8, delivered);
            json.WriteEndObject();
        });
    }

    /// <summary>The sender, sequence and send time of a MessageReceived's message, read without building objects.</summary>
    private static (Guid Sender, long Sequence, long SentAt) ReadMessage(ReadOnlySpan<byte> arguments)
    {
        var reader = new Utf8JsonReader(arguments);
        reader.Read(); // [
        reader.Read(); // {
        Guid sender = default;
        long sequence = 0, sentAt = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("senderId"u8) && reader.Read())
                sender = reader.GetGuid();
            else if (reader.ValueTextEquals("sequence"u8) && reader.Read())
                sequence = reader.GetInt64();
            else if (reader.ValueTextEquals("body"u8) && reader.Read())
                sentAt = SentAtOf(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return (sender, sequence, sentAt);
    }

    /// <summary>The timestamp at the start of the envelope's ciphertext (the body is a JSON string holding the envelope).</summary>
    private static long SentAtOf(ref Utf8JsonReader body)
    {
        var envelope = ArrayPool<byte>.Shared.Rent(body.ValueSpan.Length);
        try
        {
            var length = body.CopyString(envelope);
            var reader = new Utf8JsonReader(envelope.AsSpan(0, length));
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("ct"u8))
                    continue;
                reader.Read();
                Span<byte> start = stackalloc byte[30];
                // 28 characters of base64url hold 21 bytes: the timestamp and its bar.
                Base64Url.DecodeFromUtf8(reader.ValueSpan[..28], start, out _, out var decoded);
                return Utf8Parser.TryParse(start[..decoded], out long sentAt, out _)
                    ? sentAt
                    : throw new InvalidDataException("A message's ciphertext does not start with the time it was sent.");
            }
            throw new InvalidDataException("A message's envelope has no ciphertext.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(envelope);
        }
    }

    private static void InterlockedMax(ref long location, long value)
    {
        for (var current = Interlocked.Read(ref location); value > current; current = Interlocked.Read(ref location))
            if (Interlocked.CompareExchange(ref location, value, current) == current)
                return;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
