namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// The key-encryption keys (KEKs) that guard the service's Data Protection key ring, from
/// configuration (<c>DataProtection:*</c>), never from the database they protect.
/// </summary>
public sealed class KeyEncryptionKeyOptions
{
    public const string Section = "DataProtection";

    /// <summary>The id of the KEK that encrypts new key-ring entries; it must be one of <see cref="KeyEncryptionKeys"/>.</summary>
    public string CurrentKeyEncryptionKeyId { get; set; } = "";

    /// <summary>Every KEK still needed, by id: the current one and older ones whose entries are still readable.</summary>
    public Dictionary<string, string> KeyEncryptionKeys { get; set; } = [];
}
