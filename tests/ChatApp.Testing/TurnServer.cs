using System.Globalization;
using System.Security.Cryptography;

namespace ChatApp.Testing;

/// <summary>
/// A TURN server for tests: the one named by CHATAPP_TEST_TURN_PORT and CHATAPP_TEST_TURN_SECRET
/// (with CHATAPP_TEST_TURN_HOST, 127.0.0.1 unless set), else a private coturn
/// (eng/servers/turn.sh, as the AppHost runs it) on a free port of 127.0.0.1, UDP and TCP, in a
/// temporary folder. It takes TURN REST credentials signed with <see cref="Secret"/>: username
/// "EXPIRY:USER" (EXPIRY in Unix seconds), password Base64(HMAC-SHA1(secret, username)).
/// Loopback peers are allowed, so clients on this machine can relay to each other.
/// </summary>
public sealed class TurnServer : IAsyncDisposable
{
    public const string PortVariable = "CHATAPP_TEST_TURN_PORT";
    public const string SecretVariable = "CHATAPP_TEST_TURN_SECRET";
    public const string HostVariable = "CHATAPP_TEST_TURN_HOST";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private readonly LocalTurn? _local;

    private TurnServer(string host, int port, string secret, LocalTurn? local)
    {
        Host = host;
        Port = port;
        Secret = secret;
        _local = local;
    }

    /// <summary>The server's address; 127.0.0.1 for a private one.</summary>
    public string Host { get; }

    /// <summary>Where it listens, UDP and TCP alike.</summary>
    public int Port { get; }

    /// <summary>The static-auth-secret TURN REST credentials are signed with.</summary>
    public string Secret { get; }

    /// <summary><c>turn:HOST:PORT?transport=udp</c>, then <c>?transport=tcp</c>: what a service hands browsers.</summary>
    public IReadOnlyList<string> Urls => [$"turn:{Host}:{Port}?transport=udp", $"turn:{Host}:{Port}?transport=tcp"];

    /// <summary><c>stun:HOST:PORT</c>.</summary>
    public string StunUrl => $"stun:{Host}:{Port}";

    /// <summary>What a private server has logged so far (each allocation and each refusal), for assertion messages; empty for a given one.</summary>
    public string Output => _local?.Output ?? "";

    public static async Task<TurnServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(PortVariable) is { Length: > 0 } givenPort)
        {
            var secret = Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } given
                ? given
                : throw new InvalidOperationException($"{PortVariable} names a TURN server, but {SecretVariable} (its static-auth-secret) is not set.");
            var host = Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } givenHost ? givenHost : "127.0.0.1";
            return new TurnServer(host, int.Parse(givenPort, NumberStyles.None, CultureInfo.InvariantCulture), secret, null);
        }
        if (!LocalExecutable.Exists("turnserver"))
        {
            throw new InvalidOperationException(
                $"No TURN server for the tests: set {PortVariable} and {SecretVariable}, or install the coturn package (./test.sh does).");
        }

        // A server that did not come up may have lost its port to another test run's server
        // between the check and the bind: it gets another port, twice.
        for (var attempt = 1; ; attempt++)
        {
            var local = new LocalTurn();
            try
            {
                await local.StartAsync();
                return new TurnServer("127.0.0.1", local.Port, local.Secret, local);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await local.DisposeAsync();
            }
            catch
            {
                await local.DisposeAsync();
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => _local?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class LocalTurn : IAsyncDisposable
    {
        private readonly string _folder = TemporaryFolder.Create("turn");
        private ServerProcess? _process;

        public int Port { get; } = FreePort.Next();

        // Letters and digits: turn.sh writes it into the server's configuration file.
        public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        public string Output => _process?.Output ?? "";

        public async Task StartAsync()
        {
            _process = ServerProcess.Start(_folder, "bash", RepositoryRoot.Script("eng/servers/turn.sh"),
                Path.Combine(_folder, "data"), Port.ToString(CultureInfo.InvariantCulture), Secret);
            await Readiness.WaitAsync("coturn", _process, () => StunBinding.RequestAsync("127.0.0.1", Port, ProbeTimeout), StartTimeout);
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
                await _process.DisposeAsync();
            _process = null;
            TemporaryFolder.Delete(_folder);
        }
    }
}
