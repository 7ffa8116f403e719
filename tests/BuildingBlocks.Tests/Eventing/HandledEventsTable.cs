using FluentMigrator;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>What the test consumer changes in the same transaction as its inbox row.</summary>
[Migration(202611249001, "Test: handled events")]
public sealed class HandledEventsTable : Migration
{
    public override void Up() =>
        Execute.Sql("CREATE TABLE handled_events (user_id CHAR(36) NOT NULL, handled_at DATETIME(6) NOT NULL) ENGINE=InnoDB");

    public override void Down() => Execute.Sql("DROP TABLE handled_events");
}
