using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatApp.Messaging.Benchmark.Load;

/// <summary>
/// A hub connection that speaks SignalR's JSON hub protocol straight over a WebSocket, with none
/// of the .NET client's machinery: the load generator must cost far less than what it measures
/// (with the .NET client it took more CPU than the gateway and the service together), or on a
/// shared machine it measures itself. The server sees exactly what a browser's client sends.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]?>> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Action<string, ReadOnlyMemory<byte>> _onInvocation;
    private long _nextInvocationId;
    private Task _receiving = Task.CompletedTask;
    private Task _pinging = Task.CompletedTask;

    /// <param name="onInvocation">Called for each server-to-client call with its target and its arguments array (UTF-8 JSON), on the receiving loop.</param>
    private HubSocket(Action<string, ReadOnlyMemory<byte>> onInvocation) => _onInvocation = onInvocation;

    public bool Open => _socket.State == WebSocketState.Open && !_receiving.IsCompleted;

    public static async Task<HubSocket> ConnectAsync(Uri hub, string accessToken, Action<string, ReadOnlyMemory<byte>> onInvocation)
    {
        var connection = new HubSocket(onInvocation);
        connection._socket.Options.SetRequestHeader("Authorization", "Bearer " + accessToken);
        connection._socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan; // SignalR pings instead.
        var webSocket = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri;
        await connection._socket.ConnectAsync(webSocket, CancellationToken.None);
        await connection._socket.SendAsync(Handshake, WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = new byte[1024];
        var length = 0;
        while (Array.IndexOf(answer, RecordSeparator, 0, length) < 0)
            length += (await connection._socket.ReceiveAsync(answer.AsMemory(length), CancellationToken.None)).Count;
        if (!answer.AsSpan(0, length).StartsWith("{}"u8))
            throw new InvalidOperationException("The hub refused the handshake: " + Encoding.UTF8.GetString(answer, 0, length));
        connection._receiving = connection.ReceiveAsync();
        connection._pinging = connection.PingAsync();
        return connection;
    }

    /// <summary>Calls a hub method and waits for its completion; the answer is the completion's <c>result</c> as UTF-8 JSON.</summary>
    /// <param name="arguments">Writes the arguments, inside the array the protocol puts them in.</param>
    public async Task<byte[]?> InvokeAsync(string target, Action<Utf8JsonWriter> arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId);
        var answer = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await WriteAsync(target, id, arguments);
        return await answer.Task;
    }

    /// <summary>Calls a hub method without waiting for it (no invocation id: the server sends no completion).</summary>
    public Task SendAsync(string target, Action<Utf8JsonWriter> arguments) => WriteAsync(target, null, arguments);

    private async Task WriteAsync(string target, long? invocationId, Action<Utf8JsonWriter> arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("type"u8, 1);
            if (invocationId is { } id)
                json.WriteString("invocationId"u8, id.ToString(CultureInfo.InvariantCulture));
            json.WriteString("target"u8, target);
            json.WriteStartArray("arguments"u8);
            arguments(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.Write([RecordSeparator]);
        await WriteFrameAsync(buffer.WrittenMemory);
    }

    private async Task WriteFrameAsync(ReadOnlyMemory<byte> frame)
    {
        await _sending.WaitAsync(_closing.Token);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, _closing.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        while (await timer.WaitForNextTickAsync(_closing.Token).ConfigureAwait(false))
            await WriteFrameAsync(Ping);
    }

    private async Task ReceiveAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    return;
                filled += received.Count;
                var start = 0;
                for (int end; (end = Array.IndexOf(buffer, RecordSeparator, start, filled - start)) >= 0; start = end + 1)
                    Dispatch(buffer.AsMemory(start, end - start));
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed by us, or the connection broke: pending calls fail below.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var call in _pending.Values)
                call.TrySetException(new WebSocketException("The hub connection closed before the call was answered."));
        }
    }

    /// <summary>One hub message: a completion answers its call, an invocation goes to the handler, pings and others are ignored; a close fails what waits.</summary>
    private void Dispatch(ReadOnlyMemory<byte> frame)
    {
        var reader = new Utf8JsonReader(frame.Span);
        int type = 0;
        string? target = null, invocationId = null, error = null;
        (int Start, int Length) arguments = default, result = default;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8) && reader.Read())
                type = reader.GetInt32();
            else if (reader.ValueTextEquals("target"u8) && reader.Read())
                target = reader.GetString();
            else if (reader.ValueTextEquals("invocationId"u8) && reader.Read())
                invocationId = reader.GetString();
            else if (reader.ValueTextEquals("error"u8) && reader.Read())
                error = reader.GetString();
            else if (reader.ValueTextEquals("arguments"u8) && reader.Read())
                arguments = Span(ref reader);
            else if (reader.ValueTextEquals("result"u8) && reader.Read())
                result = Span(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (type)
        {
            case 1 when target is not null:
                _onInvocation(target, frame.Slice(arguments.Start, arguments.Length));
                break;
            case 3 when invocationId is not null && _pending.TryRemove(long.Parse(invocationId, CultureInfo.InvariantCulture), out var call):
                if (error is not null)
                    call.TrySetException(new InvalidOperationException(error));
                else
                    call.TrySetResult(result.Length == 0 ? null : frame.Slice(result.Start, result.Length).ToArray());
                break;
            case 7:
                _closing.Cancel();
                break;
        }
    }

    /// <summary>Where the value the reader stands on lies in the frame (skipped over).</summary>
    private static (int Start, int Length) Span(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed - start);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already broken; nothing left to close politely.
        }
        await Task.WhenAll(_receiving, _pinging.ContinueWith(_ => { }, TaskScheduler.Default));
        _socket.Dispose();
        _closing.Dispose();
        _sending.Dispose();
    }
}
