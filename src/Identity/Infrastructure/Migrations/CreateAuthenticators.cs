using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>Authenticator apps (TOTP secrets, confirmed or still being enrolled) and one-time recovery codes.</summary>
[Migration(202611240102, "Authenticator apps and recovery codes")]
public sealed class CreateAuthenticators : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE authenticators (
              user_id        CHAR(36)    CHARACTER SET ascii NOT NULL,
              secret         VARBINARY(64) NOT NULL,
              created_at     DATETIME(6) NOT NULL,
              confirmed_at   DATETIME(6) NULL,
              last_used_step BIGINT      NOT NULL,
              PRIMARY KEY (user_id)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE recovery_codes (
              user_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
              code_hash BINARY(32)  NOT NULL,
              used_at   DATETIME(6) NULL,
              PRIMARY KEY (user_id, code_hash)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE recovery_codes");
        Execute.Sql("DROP TABLE authenticators");
    }
}
