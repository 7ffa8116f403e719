using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>Passkeys (WebAuthn credentials) and the options of WebAuthn ceremonies in progress.</summary>
[Migration(202611240103, "Passkeys")]
public sealed class CreatePasskeys : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE passkeys (
              credential_id VARBINARY(255) NOT NULL,
              user_id       CHAR(36)       CHARACTER SET ascii NOT NULL,
              public_key    VARBINARY(1024) NOT NULL,
              sign_count    BIGINT         NOT NULL,
              name          VARCHAR(64)    NOT NULL,
              created_at    DATETIME(6)    NOT NULL,
              last_used_at  DATETIME(6)    NULL,
              PRIMARY KEY (credential_id),
              KEY ix_passkeys_user (user_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """);
        // The options a ceremony was started with: the browser's answer is checked against them.
        Execute.Sql("""
            CREATE TABLE webauthn_ceremonies (
              id         CHAR(36)    CHARACTER SET ascii NOT NULL,
              user_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
              options    TEXT        NOT NULL,
              expires_at DATETIME(6) NOT NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE webauthn_ceremonies");
        Execute.Sql("DROP TABLE passkeys");
    }
}
