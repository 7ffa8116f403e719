using FluentMigrator;

namespace ChatApp.Messaging.Infrastructure.Migrations;

/// <summary>
/// Sessions Identity ended (from its <c>SessionsEnded</c> events): a hub connection opened with an
/// access token of one of them is refused for as long as such a token may still be valid.
/// </summary>
[Migration(202611250502, "Ended sessions")]
public sealed class CreateEndedSessions : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE ended_sessions (
              session_id CHAR(36)    CHARACTER SET ascii NOT NULL,
              user_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
              ended_at   DATETIME(6) NOT NULL,
              PRIMARY KEY (session_id),
              KEY ix_ended_sessions_ended_at (ended_at)
            ) ENGINE=InnoDB
            """);
    }

    public override void Down() => Execute.Sql("DROP TABLE ended_sessions");
}
