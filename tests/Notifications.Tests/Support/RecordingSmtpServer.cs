using System.Buffers;
using System.Collections.Concurrent;
using ChatApp.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ChatApp.Notifications.Tests.Support;

/// <summary>
/// A real SMTP server on a free loopback port that keeps every message it accepts. Tests can
/// make it refuse mail for chosen recipients, take its time before accepting, or go away and
/// come back on the same port.
/// </summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _accepted = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _acceptedAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Func<int, SmtpReplyCode?>> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _recipientHolds = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _recipientSeen = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource _running = new();
    private Task _serving = Task.CompletedTask;

    private RecordingSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Accepted => _accepted;

    public static RecordingSmtpServer Start()
    {
        var server = new RecordingSmtpServer(FreePort.Next());
        server.Listen();
        return server;
    }

    /// <summary>When the first message to <paramref name="recipient"/> was accepted.</summary>
    public DateTimeOffset? AcceptedAt(string recipient) => _acceptedAt.TryGetValue(recipient, out var at) ? at : null;

    /// <summary>Answers every message to <paramref name="recipient"/> with what <paramref name="answer"/> says for that attempt (1, 2, …); null accepts.</summary>
    public void Refuse(string recipient, Func<int, SmtpReplyCode?> answer) => _refusals[recipient] = answer;

    /// <summary>Holds the answer to a message for <paramref name="recipient"/> until the returned source is completed (the sender waits meanwhile).</summary>
    public TaskCompletionSource Hold(string recipient) => _holds[recipient] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Holds the answer to RCPT TO for <paramref name="recipient"/>, before any of the message is
    /// sent, until the returned source is completed: a sender that dies meanwhile has handed nothing over.
    /// </summary>
    public TaskCompletionSource HoldBeforeData(string recipient) =>
        _recipientHolds[recipient] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether a sender has named <paramref name="recipient"/> in RCPT TO.</summary>
    public bool RecipientNamed(string recipient) => _recipientSeen.ContainsKey(recipient);

    /// <summary>How many times a message for <paramref name="recipient"/> reached the end of DATA, accepted or not.</summary>
    public int AttemptsFor(string recipient) => _attempts.GetValueOrDefault(recipient);

    public IReadOnlyList<MimeMessage> To(string recipient) =>
        _accepted.Where(message => message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task<MimeMessage> WaitForAsync(string recipient, TimeSpan? timeout = null)
    {
        await Eventually.HoldsAsync(() => To(recipient).Count > 0, timeout ?? TimeSpan.FromSeconds(20), () => $"No email to {recipient} arrived.");
        return To(recipient)[0];
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgain"/>.</summary>
    public async Task StopAsync()
    {
        await _running.CancelAsync();
        await _serving;
    }

    public void StartAgain()
    {
        _running = new CancellationTokenSource();
        Listen();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _running.Dispose();
    }

    private void Listen()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new NoDelayListeners());
        services.Add(new Store(this));
        services.Add(new RecipientGate(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _serving = server.StartAsync(_running.Token);
    }

    /// <summary>
    /// Sockets that send small replies at once. The library's default leaves Nagle's algorithm on,
    /// so its answer to a pipelined MAIL/RCPT/DATA waits for the client's delayed ACK: 40 ms an
    /// email, which real mail servers do not add.
    /// </summary>
    private sealed class NoDelayListeners : EndpointListenerFactory
    {
        public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = base.CreateListener(endpointDefinition);
            // The library keeps its TcpListener private; accepted sockets inherit TCP_NODELAY from it.
            var tcp = (System.Net.Sockets.TcpListener)typeof(EndpointListener)
                .GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
                .Single(field => field.FieldType == typeof(System.Net.Sockets.TcpListener))
                .GetValue(listener)!;
            tcp.Server.NoDelay = true;
            return listener;
        }
    }

    private sealed class RecipientGate(RecordingSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var recipient = to.AsAddress();
            owner._recipientSeen[recipient] = true;
            if (owner._recipientHolds.TryGetValue(recipient, out var hold))
                await hold.Task.WaitAsync(cancellationToken);
            return true;
        }
    }

    private sealed class Store(RecordingSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var recipient = transaction.To[0].AsAddress();
            var attempt = owner._attempts.AddOrUpdate(recipient, 1, (_, count) => count + 1);
            if (owner._refusals.TryGetValue(recipient, out var answer) && answer(attempt) is { } refusal)
                return new SmtpResponse(refusal, "Refused by the test");
            if (owner._holds.TryGetValue(recipient, out var hold))
                await hold.Task.WaitAsync(cancellationToken);

            using var stream = new MemoryStream(buffer.ToArray());
            owner._acceptedAt.TryAdd(recipient, DateTimeOffset.UtcNow);
            owner._accepted.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
