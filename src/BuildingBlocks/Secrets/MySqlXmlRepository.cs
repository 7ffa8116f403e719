using System.Xml.Linq;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// The Data Protection key ring in the service's own database (table <c>data_protection_keys</c>),
/// so every replica reads and writes the same ring. Data Protection calls it synchronously.
/// </summary>
public sealed class MySqlXmlRepository(ServiceDatabase database, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. ReadAll().Select(entry => XElement.Parse(entry.Xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.DataSource.OpenConnection();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>Every entry as stored, with its row id.</summary>
    public IReadOnlyList<KeyRingEntry> ReadAll()
    {
        using var connection = database.DataSource.OpenConnection();
        return [.. connection.Query<KeyRingEntry>("SELECT id AS Id, friendly_name AS FriendlyName, xml AS Xml FROM data_protection_keys ORDER BY id")];
    }

    /// <summary>Replaces an entry's XML if nobody changed it meanwhile (another replica re-encrypting the same entry).</summary>
    public async Task<bool> ReplaceAsync(KeyRingEntry entry, XElement replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE data_protection_keys SET xml = @xml WHERE id = @id AND xml = @old",
            new { entry.Id, xml = replacement.ToString(SaveOptions.DisableFormatting), old = entry.Xml }, cancellationToken: cancellationToken)) == 1;
    }
}

/// <summary>One stored element of the key ring: a key, or a revocation.</summary>
public sealed record KeyRingEntry(long Id, string? FriendlyName, string Xml);
