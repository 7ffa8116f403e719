using FluentMigrator;

namespace ChatApp.Messaging.Infrastructure.Migrations;

/// <summary>
/// Users (a projection of Identity's events), conversations with their members and receipt
/// pointers, messages, and the row that lets one replica at a time run the digest scan.
/// </summary>
[Migration(202611250501, "Users, conversations, members, messages")]
public sealed class CreateMessaging : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE users (
              id                 CHAR(36)    CHARACTER SET ascii NOT NULL,
              username           VARCHAR(32) CHARACTER SET ascii NOT NULL,
              display_name       VARCHAR(64) NOT NULL,
              profile_changed_at DATETIME(6) NOT NULL,
              last_seen_at       DATETIME(6) NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        // last_sequence numbers messages; last_version counts every change (send, edit, delete)
        // and is what devices sync by. direct_key ("smaller-id:larger-id") keeps one direct
        // conversation per pair.
        Execute.Sql("""
            CREATE TABLE conversations (
              id               CHAR(36)    CHARACTER SET ascii NOT NULL,
              kind             VARCHAR(8)  CHARACTER SET ascii NOT NULL,
              direct_key       CHAR(73)    CHARACTER SET ascii NULL,
              name             VARCHAR(64) NULL,
              created_at       DATETIME(6) NOT NULL,
              last_sequence    BIGINT      NOT NULL,
              last_version     BIGINT      NOT NULL,
              last_activity_at DATETIME(6) NOT NULL,
              PRIMARY KEY (id),
              UNIQUE KEY ux_conversations_direct_key (direct_key),
              KEY ix_conversations_activity (last_activity_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        // joined_sequence: the last message before the member joined (their history starts after it).
        // notified_sequence: the last message an unread digest already told them about.
        Execute.Sql("""
            CREATE TABLE conversation_members (
              conversation_id    CHAR(36)   CHARACTER SET ascii NOT NULL,
              user_id            CHAR(36)   CHARACTER SET ascii NOT NULL,
              role               VARCHAR(8) CHARACTER SET ascii NOT NULL,
              joined_at          DATETIME(6) NOT NULL,
              joined_sequence    BIGINT     NOT NULL,
              delivered_sequence BIGINT     NOT NULL,
              read_sequence      BIGINT     NOT NULL,
              notified_sequence  BIGINT     NOT NULL,
              PRIMARY KEY (conversation_id, user_id),
              KEY ix_conversation_members_user (user_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        // body is the sender's encrypted envelope (NULL once deleted); (client_message_id, sender_id)
        // recognises a retried send, client id first so a batch finds its retries by client ids alone.
        Execute.Sql("""
            CREATE TABLE messages (
              conversation_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
              sequence          BIGINT      NOT NULL,
              version           BIGINT      NOT NULL,
              sender_id         CHAR(36)    CHARACTER SET ascii NOT NULL,
              client_message_id CHAR(36)    CHARACTER SET ascii NOT NULL,
              body              MEDIUMTEXT  COLLATE utf8mb4_bin NULL,
              reply_to_sequence BIGINT      NULL,
              sent_at           DATETIME(6) NOT NULL,
              edited_at         DATETIME(6) NULL,
              deleted_at        DATETIME(6) NULL,
              PRIMARY KEY (conversation_id, sequence),
              UNIQUE KEY ux_messages_client_id (client_message_id, sender_id),
              KEY ix_messages_version (conversation_id, version)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
        Execute.Sql("""
            CREATE TABLE job_locks (
              name VARCHAR(32) CHARACTER SET ascii NOT NULL,
              PRIMARY KEY (name)
            ) ENGINE=InnoDB
            """);
        Execute.Sql("INSERT INTO job_locks (name) VALUES ('unread-digests')");
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE job_locks");
        Execute.Sql("DROP TABLE messages");
        Execute.Sql("DROP TABLE conversation_members");
        Execute.Sql("DROP TABLE conversations");
        Execute.Sql("DROP TABLE users");
    }
}
