using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>Data Protection's hook for encrypting a new key before it is stored: the current KEK does it.</summary>
internal sealed class KeyEncryptionKeyXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(keys.Encrypt(plaintextElement), typeof(KeyEncryptionKeyXmlDecryptor));
}

/// <summary>
/// Data Protection's hook for decrypting a stored key. Data Protection creates it by the type
/// name recorded in the key (through the constructor taking the service provider).
/// </summary>
internal sealed class KeyEncryptionKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => services.GetRequiredService<KeyEncryptionKeys>().Decrypt(encryptedElement);
}
