using System.Xml.Linq;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// Runs at start-up, before anything reads the key ring. Every entry must decrypt with the
/// configured key-encryption keys, or the service does not start (Data Protection itself would
/// only log the failure, skip the key, and leave every secret under it unreadable). Entries under
/// an older KEK are re-encrypted under the current one, so once every replica has started with a
/// new KEK, the older one can be removed from configuration.
/// </summary>
internal sealed partial class KeyRingCheck(MySqlXmlRepository repository, KeyEncryptionKeys keys, ILogger<KeyRingCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in repository.ReadAll())
        {
            var element = XElement.Parse(entry.Xml);
            var olderEnvelopes = 0;
            foreach (var envelope in element.Descendants(KeyEncryptionKeys.EnvelopeName).ToList())
            {
                var clear = keys.Decrypt(envelope);
                if (string.Equals(KeyEncryptionKeys.KeyIdOf(envelope), keys.CurrentId, StringComparison.OrdinalIgnoreCase))
                    continue;
                envelope.ReplaceWith(keys.Encrypt(clear));
                olderEnvelopes++;
            }

            if (olderEnvelopes > 0 && await repository.ReplaceAsync(entry, element, cancellationToken))
                LogReencrypted(logger, entry.FriendlyName, keys.CurrentId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection key {Key} re-encrypted with the current key-encryption key {KeyEncryptionKey}")]
    private static partial void LogReencrypted(ILogger logger, string? key, string keyEncryptionKey);
}
