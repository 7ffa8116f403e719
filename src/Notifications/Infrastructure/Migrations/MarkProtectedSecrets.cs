using FluentMigrator;

namespace ChatApp.Notifications.Infrastructure.Migrations;

/// <summary>
/// The service's own keys are stored encrypted from now on. Rows written before are marked clear
/// (is_protected = FALSE) and encrypted at the next start-up; an encrypted key is longer than the raw one.
/// </summary>
[Migration(202611300312, "Secrets encrypted at rest")]
public sealed class MarkProtectedSecrets : Migration
{
    public override void Up() =>
        Execute.Sql("ALTER TABLE secrets MODIFY value VARBINARY(255) NOT NULL, ADD COLUMN is_protected BOOLEAN NOT NULL DEFAULT FALSE");

    public override void Down() => Execute.Sql("ALTER TABLE secrets DROP COLUMN is_protected");
}
