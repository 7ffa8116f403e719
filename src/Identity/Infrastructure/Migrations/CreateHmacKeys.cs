using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>
/// One table for Identity's HMAC keys, one row per purpose (device cookies, sign-in codes), each
/// encrypted with Data Protection under its purpose. The device cookie key moves in unchanged (same
/// purpose, so cookies already issued stay valid). Live sign-in code hashes were unkeyed SHA-256
/// and brute-forceable from the row: they are cleared, and the code is resent on request.
/// </summary>
[Migration(202611302101, "HMAC keys per purpose; keyed sign-in code hashes")]
public sealed class CreateHmacKeys : Migration
{
    private const string DeviceCookiePurpose = "ChatApp.Identity.DeviceCookies.Key";

    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE hmac_keys (
              purpose    VARCHAR(64)    CHARACTER SET ascii NOT NULL,
              secret     VARBINARY(512) NOT NULL,
              created_at DATETIME(6)    NOT NULL,
              PRIMARY KEY (purpose)
            ) ENGINE=InnoDB
            """);
        Execute.Sql($"INSERT INTO hmac_keys (purpose, secret, created_at) SELECT '{DeviceCookiePurpose}', secret, created_at FROM device_cookie_keys WHERE id = 1");
        Execute.Sql("DROP TABLE device_cookie_keys");
        Execute.Sql("UPDATE sign_in_challenges SET code_hash = NULL WHERE code_hash IS NOT NULL");
    }

    public override void Down()
    {
        Execute.Sql("""
            CREATE TABLE device_cookie_keys (
              id         TINYINT        NOT NULL,
              secret     VARBINARY(512) NOT NULL,
              created_at DATETIME(6)    NOT NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB
            """);
        Execute.Sql($"INSERT INTO device_cookie_keys (id, secret, created_at) SELECT 1, secret, created_at FROM hmac_keys WHERE purpose = '{DeviceCookiePurpose}'");
        Execute.Sql("DROP TABLE hmac_keys");
    }
}
