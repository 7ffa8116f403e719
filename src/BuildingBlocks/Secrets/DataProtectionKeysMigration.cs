using FluentMigrator;

namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// The table that holds the service's Data Protection key ring. Abstract, so it is applied only
/// to the databases of services that keep secrets: each declares a sealed subclass with its own
/// <c>[Migration]</c> version among its migrations.
/// </summary>
public abstract class DataProtectionKeysMigration : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE data_protection_keys (
              id            BIGINT       NOT NULL AUTO_INCREMENT,
              friendly_name VARCHAR(190) CHARACTER SET ascii NULL,
              xml           MEDIUMTEXT   NOT NULL,
              created_at    DATETIME(6)  NOT NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """);
    }

    public override void Down() => Execute.Sql("DROP TABLE data_protection_keys");
}
