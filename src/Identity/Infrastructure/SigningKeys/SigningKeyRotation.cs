using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Infrastructure.SigningKeys;

/// <summary>
/// Loads the key ring before the service takes requests (a started host can sign at once),
/// then rotates and reloads it every <see cref="SigningKeyOptions.ReloadInterval"/>.
/// </summary>
public sealed partial class SigningKeyRotation(SigningKeyRing ring, IOptions<SigningKeyOptions> options, ILogger<SigningKeyRotation> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.RotateAsync(cancellationToken);
        _loop = RunAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
            await _loop.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.ReloadInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await ring.RotateAsync(stopping);
                }
                catch (Exception exception) when (exception is MySqlConnector.MySqlException or TimeoutException)
                {
                    // The loaded keys keep signing; the next tick tries again.
                    LogRotationFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the signing keys; the loaded ones stay in use")]
    private static partial void LogRotationFailed(ILogger logger, Exception exception);
}
