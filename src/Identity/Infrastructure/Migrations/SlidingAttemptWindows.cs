using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>
/// Attempt limits become sliding windows: one row per admitted attempt instead of one counter per
/// clock-aligned window, so a limit holds over any stretch of its length (a fixed window let twice
/// the limit through across a boundary). Rows older than the longest window are pruned.
/// </summary>
[Migration(202611301901, "Sliding attempt windows")]
public sealed class SlidingAttemptWindows : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE rate_limit_attempts (
              id           BIGINT       NOT NULL AUTO_INCREMENT,
              bucket       VARCHAR(190) CHARACTER SET ascii NOT NULL,
              attempted_at DATETIME(6)  NOT NULL,
              PRIMARY KEY (id),
              KEY ix_rate_limit_attempts_bucket (bucket, attempted_at),
              KEY ix_rate_limit_attempts_time (attempted_at)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("DROP TABLE rate_limit_windows");
    }

    public override void Down()
    {
        Execute.Sql("""
            CREATE TABLE rate_limit_windows (
              bucket       VARCHAR(190) CHARACTER SET ascii NOT NULL,
              window_start DATETIME(6)  NOT NULL,
              hits         INT          NOT NULL,
              PRIMARY KEY (bucket, window_start)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("DROP TABLE rate_limit_attempts");
    }
}
