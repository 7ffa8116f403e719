namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// A column that holds a secret, protected with Data Protection under <paramref name="Purpose"/>.
/// The table has a <c>BOOLEAN is_protected</c> column telling which rows are protected: rows
/// written before secrets were encrypted say FALSE until <see cref="ClearSecretsEncryption"/> protects them.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="KeyColumn">Its primary key (one column).</param>
/// <param name="ValueColumn">The column with the secret.</param>
/// <param name="Purpose">The Data Protection purpose the secret is protected under.</param>
public sealed record SecretColumn(string Table, string KeyColumn, string ValueColumn, string Purpose);
