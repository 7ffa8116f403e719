using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Secrets;

public static class SecretProtectionExtensions
{
    /// <summary>
    /// Data Protection for the secrets the service keeps in its database: the key ring in that
    /// database (<c>data_protection_keys</c>, shared by every replica under the fixed
    /// <paramref name="applicationName"/>), each of its keys encrypted with the current
    /// key-encryption key from <c>DataProtection:*</c>. At start-up (after the database migration,
    /// so call this right after <c>AddServiceDatabase</c>) the ring is checked and moved to the
    /// current KEK, and the <paramref name="secretColumns"/> still in clear are encrypted.
    /// </summary>
    public static IHostApplicationBuilder AddSecretProtection(this IHostApplicationBuilder builder, string applicationName, params SecretColumn[] secretColumns)
    {
        var options = builder.Configuration.GetSection(KeyEncryptionKeyOptions.Section).Get<KeyEncryptionKeyOptions>() ?? new KeyEncryptionKeyOptions();
        builder.Services.AddSingleton(_ => new KeyEncryptionKeys(options));
        builder.Services.AddSingleton<MySqlXmlRepository>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        foreach (var column in secretColumns)
            builder.Services.AddSingleton(column);

        // Before Data Protection's own start-up work, which would read the ring and skip what it cannot decrypt.
        builder.Services.AddHostedService<KeyRingCheck>();
        builder.Services.AddDataProtection().SetApplicationName(applicationName);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<MySqlXmlRepository, KeyEncryptionKeys>((management, repository, keys) =>
        {
            management.XmlRepository = repository;
            management.XmlEncryptor = new KeyEncryptionKeyXmlEncryptor(keys);
        });
        builder.Services.AddHostedService<ClearSecretsEncryption>();
        return builder;
    }
}
