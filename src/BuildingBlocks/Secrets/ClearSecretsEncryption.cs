using Dapper;
using ChatApp.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// At start-up, encrypts the secrets that an earlier version stored in clear. Each row is
/// replaced only while it is still marked clear, so replicas starting together do each row once.
/// </summary>
internal sealed partial class ClearSecretsEncryption(
    ServiceDatabase database, IDataProtectionProvider protection, IEnumerable<SecretColumn> columns, ILogger<ClearSecretsEncryption> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var column in columns)
        {
            var protector = protection.CreateProtector(column.Purpose);
            var clearRows = await connection.QueryAsync<(object Key, byte[] Value)>(new CommandDefinition(
                $"SELECT {column.KeyColumn}, {column.ValueColumn} FROM {column.Table} WHERE NOT is_protected", cancellationToken: cancellationToken));
            var encrypted = 0;
            foreach (var (key, value) in clearRows)
            {
                encrypted += await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE {column.Table} SET {column.ValueColumn} = @value, is_protected = TRUE WHERE {column.KeyColumn} = @key AND NOT is_protected",
                    new { key, value = protector.Protect(value) }, cancellationToken: cancellationToken));
            }

            if (encrypted > 0)
                LogEncrypted(logger, encrypted, column.Table, column.ValueColumn);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} secrets stored in clear in {Table}.{Column}")]
    private static partial void LogEncrypted(ILogger logger, int count, string table, string column);
}
