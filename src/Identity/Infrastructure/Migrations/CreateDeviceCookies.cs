using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>The key device cookies are signed with, and the cookies revoked after too many wrong passwords.</summary>
[Migration(202611301902, "Device cookies")]
public sealed class CreateDeviceCookies : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE device_cookie_keys (
              id         TINYINT        NOT NULL,
              secret     VARBINARY(512) NOT NULL,
              created_at DATETIME(6)    NOT NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE revoked_device_cookies (
              nonce      CHAR(36)    CHARACTER SET ascii NOT NULL,
              revoked_at DATETIME(6) NOT NULL,
              expires_at DATETIME(6) NOT NULL,
              PRIMARY KEY (nonce),
              KEY ix_revoked_device_cookies_expiry (expires_at)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE revoked_device_cookies");
        Execute.Sql("DROP TABLE device_cookie_keys");
    }
}
