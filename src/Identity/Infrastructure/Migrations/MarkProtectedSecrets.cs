using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>
/// Signing keys and authenticator secrets are stored encrypted from now on. Rows written before
/// are marked clear (is_protected = FALSE) and encrypted at the next start-up; an encrypted
/// authenticator secret is longer than the raw one.
/// </summary>
[Migration(202611300302, "Signing keys and authenticator secrets encrypted at rest")]
public sealed class MarkProtectedSecrets : Migration
{
    public override void Up()
    {
        Execute.Sql("ALTER TABLE signing_keys ADD COLUMN is_protected BOOLEAN NOT NULL DEFAULT FALSE");
        Execute.Sql("ALTER TABLE authenticators MODIFY secret VARBINARY(255) NOT NULL, ADD COLUMN is_protected BOOLEAN NOT NULL DEFAULT FALSE");
    }

    public override void Down()
    {
        Execute.Sql("ALTER TABLE authenticators DROP COLUMN is_protected");
        Execute.Sql("ALTER TABLE signing_keys DROP COLUMN is_protected");
    }
}
