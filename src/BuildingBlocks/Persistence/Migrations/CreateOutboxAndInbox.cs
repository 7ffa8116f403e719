using FluentMigrator;

namespace ChatApp.BuildingBlocks.Persistence.Migrations;

/// <summary>
/// The outbox (events waiting to reach the broker) and the inbox (events already handled)
/// that every service's database carries. Service migrations use later version numbers.
/// </summary>
[Migration(202611240001, "Outbox and inbox")]
public sealed class CreateOutboxAndInbox : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE outbox_messages (
              sequence      BIGINT       NOT NULL AUTO_INCREMENT,
              message_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
              message_type  VARCHAR(255) CHARACTER SET ascii NOT NULL,
              body          LONGTEXT     NOT NULL,
              trace_parent  VARCHAR(64)  CHARACTER SET ascii NULL,
              created_at    DATETIME(6)  NOT NULL,
              dispatched_at DATETIME(6)  NULL,
              PRIMARY KEY (sequence),
              UNIQUE KEY ux_outbox_message_id (message_id),
              KEY ix_outbox_pending (dispatched_at, sequence)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE inbox_messages (
              message_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
              consumer     VARCHAR(200) CHARACTER SET ascii NOT NULL,
              processed_at DATETIME(6)  NOT NULL,
              PRIMARY KEY (message_id, consumer),
              KEY ix_inbox_processed_at (processed_at)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE inbox_messages");
        Execute.Sql("DROP TABLE outbox_messages");
    }
}
