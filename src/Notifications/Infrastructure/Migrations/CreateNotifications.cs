using FluentMigrator;

namespace ChatApp.Notifications.Infrastructure.Migrations;

/// <summary>
/// The users Notifications knows (a projection of Identity's events, with their preferences),
/// the emails waiting to go or gone, and the service's own secrets.
/// </summary>
[Migration(202611240201, "Recipients, outgoing emails, secrets")]
public sealed class CreateNotifications : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE recipients (
              user_id              CHAR(36)     CHARACTER SET ascii NOT NULL,
              username             VARCHAR(32)  CHARACTER SET ascii NOT NULL,
              display_name         VARCHAR(64)  NOT NULL,
              email                VARCHAR(254) NOT NULL,
              language             VARCHAR(8)   CHARACTER SET ascii NOT NULL,
              time_zone            VARCHAR(64)  CHARACTER SET ascii NOT NULL,
              missed_call_emails   BOOLEAN      NOT NULL,
              unread_digest_emails BOOLEAN      NOT NULL,
              profile_changed_at   DATETIME(6)  NOT NULL,
              PRIMARY KEY (user_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        // One row per email: written by the event handlers in the same transaction as their
        // inbox entry, sent and retried by the delivery worker.
        Execute.Sql("""
            CREATE TABLE outgoing_emails (
              id                CHAR(36)     CHARACTER SET ascii NOT NULL,
              kind              VARCHAR(32)  CHARACTER SET ascii NOT NULL,
              recipient_user_id CHAR(36)     CHARACTER SET ascii NULL,
              to_address        VARCHAR(254) NOT NULL,
              to_name           VARCHAR(64)  NOT NULL,
              language          VARCHAR(8)   CHARACTER SET ascii NOT NULL,
              subject           VARCHAR(255) NOT NULL,
              html_body         MEDIUMTEXT   NULL,
              text_body         MEDIUMTEXT   NULL,
              unsubscribe_url   VARCHAR(512) CHARACTER SET ascii NULL,
              status            VARCHAR(8)   CHARACTER SET ascii NOT NULL,
              attempts          INT          NOT NULL,
              due_at            DATETIME(6)  NOT NULL,
              expires_at        DATETIME(6)  NULL,
              event_occurred_at DATETIME(6)  NOT NULL,
              created_at        DATETIME(6)  NOT NULL,
              finished_at       DATETIME(6)  NULL,
              last_error        VARCHAR(1000) NULL,
              PRIMARY KEY (id),
              KEY ix_outgoing_emails_due (status, due_at),
              KEY ix_outgoing_emails_recipient (recipient_user_id, kind, status, due_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        Execute.Sql("""
            CREATE TABLE secrets (
              name       VARCHAR(64)   CHARACTER SET ascii NOT NULL,
              value      VARBINARY(64) NOT NULL,
              created_at DATETIME(6)   NOT NULL,
              PRIMARY KEY (name)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE secrets");
        Execute.Sql("DROP TABLE outgoing_emails");
        Execute.Sql("DROP TABLE recipients");
    }
}
