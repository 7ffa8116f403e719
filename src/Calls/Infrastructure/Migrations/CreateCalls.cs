using FluentMigrator;

namespace ChatApp.Calls.Infrastructure.Migrations;

/// <summary>
/// Calls with their state (the truth every replica reads), who is in a call right now (one row
/// per person, so a person is in one call at a time), and the names of the people Calls knows.
/// </summary>
[Migration(202611300001, "Calls")]
public sealed class CreateCalls : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE calls (
              id                  CHAR(36)    CHARACTER SET ascii NOT NULL,
              caller_id           CHAR(36)    CHARACTER SET ascii NOT NULL,
              callee_id           CHAR(36)    CHARACTER SET ascii NOT NULL,
              caller_device       CHAR(36)    CHARACTER SET ascii NULL,
              caller_connection   VARCHAR(64) CHARACTER SET ascii NULL,
              caller_lost_at      DATETIME(6) NULL,
              callee_device       CHAR(36)    CHARACTER SET ascii NULL,
              callee_connection   VARCHAR(64) CHARACTER SET ascii NULL,
              callee_lost_at      DATETIME(6) NULL,
              state               VARCHAR(16) CHARACTER SET ascii NOT NULL,
              outcome             VARCHAR(16) CHARACTER SET ascii NULL,
              ended_by            CHAR(36)    CHARACTER SET ascii NULL,
              created_at          DATETIME(6) NOT NULL,
              ring_until          DATETIME(6) NOT NULL,
              reconnect_within_ms INT         NOT NULL,
              answered_at         DATETIME(6) NULL,
              ended_at            DATETIME(6) NULL,
              duration_ms         BIGINT      NOT NULL DEFAULT 0,
              deadline            DATETIME(6) NULL,
              missed_seen_at      DATETIME(6) NULL,
              version             INT         NOT NULL,
              PRIMARY KEY (id),
              KEY ix_calls_caller (caller_id, created_at, id),
              KEY ix_calls_callee (callee_id, created_at, id),
              KEY ix_calls_deadline (deadline),
              KEY ix_calls_caller_connection (caller_connection),
              KEY ix_calls_callee_connection (callee_connection)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE people_in_calls (
              user_id CHAR(36) CHARACTER SET ascii NOT NULL,
              call_id CHAR(36) CHARACTER SET ascii NOT NULL,
              PRIMARY KEY (user_id),
              KEY ix_people_in_calls_call (call_id)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE users (
              id                 CHAR(36)     CHARACTER SET ascii NOT NULL,
              username           VARCHAR(32) CHARACTER SET ascii NOT NULL,
              display_name       VARCHAR(64) NOT NULL,
              profile_changed_at DATETIME(6) NOT NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
    }

    public override void Down() => Execute.Sql("DROP TABLE users; DROP TABLE people_in_calls; DROP TABLE calls");
}
