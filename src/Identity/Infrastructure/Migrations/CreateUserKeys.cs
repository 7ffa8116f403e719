using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>
/// End-to-end encryption: each user's published public key sets (the current one has no
/// replaced_at; replaced ones stay, to check old signatures) and their single encrypted key backup.
/// Private keys and passphrases never reach us.
/// </summary>
[Migration(202611300101, "End-to-end encryption public keys and key backups")]
public sealed class CreateUserKeys : Migration
{
    public override void Up()
    {
        // Key ids are base64url, so they are compared byte for byte (ascii_bin), not ignoring case.
        Execute.Sql("""
            CREATE TABLE user_keys (
              user_id       CHAR(36)      CHARACTER SET ascii NOT NULL,
              key_id        CHAR(22)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
              agreement_key VARBINARY(65) NOT NULL,
              signing_key   VARBINARY(65) NOT NULL,
              created_at    DATETIME(6)   NOT NULL,
              replaced_at   DATETIME(6)   NULL,
              PRIMARY KEY (user_id, key_id),
              KEY ix_user_keys_current (user_id, replaced_at)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE key_backups (
              user_id    CHAR(36)      CHARACTER SET ascii NOT NULL,
              key_id     CHAR(22)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
              salt       VARBINARY(64) NOT NULL,
              iterations INT           NOT NULL,
              iv         VARBINARY(12) NOT NULL,
              ciphertext MEDIUMBLOB    NOT NULL,
              updated_at DATETIME(6)   NOT NULL,
              PRIMARY KEY (user_id)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE key_backups");
        Execute.Sql("DROP TABLE user_keys");
    }
}
