namespace ChatApp.AppHost;

internal static class KeyEncryptionKeyExtensions
{
    /// <summary>The id under which the services know the AppHost's key-encryption key.</summary>
    public const string KeyId = "apphost";

    /// <summary>
    /// The key-encryption key that guards the Data Protection key rings of the services that keep
    /// secrets in their databases. Generated once and kept in user secrets (like the database
    /// password), so the rings stay readable from run to run; never stored in a database.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddKeyEncryptionKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter("data-protection-kek", new GenerateParameterDefault { MinLength = 44, Special = false }, secret: true, persist: true);

    /// <summary>Hands the service the key-encryption key as its current one (<c>DataProtection__*</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithKeyEncryptionKey(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ParameterResource> keyEncryptionKey) =>
        service
            .WithEnvironment("DataProtection__CurrentKeyEncryptionKeyId", KeyId)
            .WithEnvironment($"DataProtection__KeyEncryptionKeys__{KeyId}", keyEncryptionKey);
}
