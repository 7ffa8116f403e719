using System.Security.Cryptography;

namespace ChatApp.Testing;

/// <summary>
/// The <c>DataProtection:*</c> settings that give a service key-encryption keys for its key ring,
/// as the AppHost gives them: the first one named is the current one.
/// </summary>
public static class KeyEncryptionKeySettings
{
    public static string NewValue() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh random KEK named "test".</summary>
    public static Dictionary<string, string> NewKey() => For(("test", NewValue()));

    public static Dictionary<string, string> For(params (string Id, string Value)[] keys)
    {
        var settings = new Dictionary<string, string> { ["DataProtection:CurrentKeyEncryptionKeyId"] = keys[0].Id };
        foreach (var (id, value) in keys)
            settings[$"DataProtection:KeyEncryptionKeys:{id}"] = value;
        return settings;
    }
}
