using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>Accounts, sessions with their refresh tokens, sign-in challenges, and the security event log.</summary>
[Migration(202611240101, "Accounts, sessions, sign-in challenges, security events")]
public sealed class CreateAccounts : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE users (
              id                  CHAR(36)     CHARACTER SET ascii NOT NULL,
              username            VARCHAR(32)  CHARACTER SET ascii NOT NULL,
              username_normalized VARCHAR(32)  CHARACTER SET ascii NOT NULL,
              email               VARCHAR(254) NOT NULL,
              email_normalized    VARCHAR(254) NOT NULL,
              display_name        VARCHAR(64)  NOT NULL,
              language            VARCHAR(8)   CHARACTER SET ascii NOT NULL,
              password_hash       VARCHAR(255) CHARACTER SET ascii NOT NULL,
              second_factor       VARCHAR(16)  CHARACTER SET ascii NOT NULL,
              created_at          DATETIME(6)  NOT NULL,
              PRIMARY KEY (id),
              UNIQUE KEY ux_users_username (username_normalized),
              UNIQUE KEY ux_users_email (email_normalized),
              KEY ix_users_display_name (display_name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        Execute.Sql("""
            CREATE TABLE sign_in_challenges (
              id             CHAR(36)    CHARACTER SET ascii NOT NULL,
              user_id        CHAR(36)    CHARACTER SET ascii NOT NULL,
              code_hash      BINARY(32)  NULL,
              code_expires_at DATETIME(6) NULL,
              code_sent_at   DATETIME(6) NULL,
              failed_attempts INT        NOT NULL,
              expires_at     DATETIME(6) NOT NULL,
              completed_at   DATETIME(6) NULL,
              client_address VARCHAR(64) CHARACTER SET ascii NOT NULL,
              user_agent     VARCHAR(256) NOT NULL,
              created_at     DATETIME(6) NOT NULL,
              PRIMARY KEY (id),
              KEY ix_challenges_user (user_id, created_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """);
        Execute.Sql("""
            CREATE TABLE sessions (
              id             CHAR(36)     CHARACTER SET ascii NOT NULL,
              user_id        CHAR(36)     CHARACTER SET ascii NOT NULL,
              user_agent     VARCHAR(256) NOT NULL,
              client_address VARCHAR(64)  CHARACTER SET ascii NOT NULL,
              created_at     DATETIME(6)  NOT NULL,
              last_used_at   DATETIME(6)  NOT NULL,
              expires_at     DATETIME(6)  NOT NULL,
              revoked_at     DATETIME(6)  NULL,
              revoked_reason VARCHAR(32)  CHARACTER SET ascii NULL,
              PRIMARY KEY (id),
              KEY ix_sessions_user (user_id, revoked_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """);
        // A session is one refresh-token family: every rotation adds a row, and presenting a
        // row that was already replaced means the token was copied, so the whole session ends.
        Execute.Sql("""
            CREATE TABLE refresh_tokens (
              token_hash  BINARY(32)  NOT NULL,
              session_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
              issued_at   DATETIME(6) NOT NULL,
              replaced_at DATETIME(6) NULL,
              PRIMARY KEY (token_hash),
              KEY ix_refresh_session (session_id)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE security_events (
              id             BIGINT       NOT NULL AUTO_INCREMENT,
              occurred_at    DATETIME(6)  NOT NULL,
              kind           VARCHAR(40)  CHARACTER SET ascii NOT NULL,
              user_id        CHAR(36)     CHARACTER SET ascii NULL,
              session_id     CHAR(36)     CHARACTER SET ascii NULL,
              client_address VARCHAR(64)  CHARACTER SET ascii NOT NULL,
              user_agent     VARCHAR(256) NOT NULL,
              detail         VARCHAR(256) NULL,
              PRIMARY KEY (id),
              KEY ix_security_events_user (user_id, occurred_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """);
        // Fixed-window counters shared by every replica, so a limit holds however requests are spread.
        Execute.Sql("""
            CREATE TABLE rate_limit_windows (
              bucket       VARCHAR(190) CHARACTER SET ascii NOT NULL,
              window_start DATETIME(6)  NOT NULL,
              hits         INT          NOT NULL,
              PRIMARY KEY (bucket, window_start)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("""
            CREATE TABLE signing_keys (
              key_id          VARCHAR(64) CHARACTER SET ascii NOT NULL,
              private_key     VARBINARY(512) NOT NULL,
              created_at      DATETIME(6) NOT NULL,
              signs_from      DATETIME(6) NOT NULL,
              signs_until     DATETIME(6) NOT NULL,
              PRIMARY KEY (key_id)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down()
    {
        foreach (var table in new[] { "signing_keys", "rate_limit_windows", "security_events", "refresh_tokens", "sessions", "sign_in_challenges", "users" })
            Execute.Sql($"DROP TABLE {table}");
    }
}
