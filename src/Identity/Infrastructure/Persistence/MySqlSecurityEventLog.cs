using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Security;
using Dapper;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>
/// Every authentication event, as a structured log line (for the dashboard) and a row in
/// <c>security_events</c> (for the user's activity page and for investigations).
/// </summary>
internal sealed partial class MySqlSecurityEventLog(ServiceDatabase database, TimeProvider clock, ILogger<MySqlSecurityEventLog> logger) : ISecurityEventLog
{
    private const int MaxDetailLength = 256;

    public Task RecordAsync(IUnitOfWork unitOfWork, string kind, Client client, Guid? userId, Guid? sessionId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Log(kind, client, userId, sessionId, detail);
        return UnitOfWork.Of(unitOfWork).ExecuteAsync(InsertSql, Row(kind, client, userId, sessionId, detail), cancellationToken);
    }

    public async Task RecordAsync(string kind, Client client, Guid? userId, Guid? sessionId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Log(kind, client, userId, sessionId, detail);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Row(kind, client, userId, sessionId, detail), cancellationToken: cancellationToken));
    }

    private const string InsertSql = """
        INSERT INTO security_events (occurred_at, kind, user_id, session_id, client_address, user_agent, detail)
        VALUES (@occurredAt, @kind, @userId, @sessionId, @address, @userAgent, @detail)
        """;

    private object Row(string kind, Client client, Guid? userId, Guid? sessionId, string? detail) => new
    {
        occurredAt = clock.GetUtcNow().UtcDateTime,
        kind,
        userId,
        sessionId,
        address = client.Address,
        userAgent = client.UserAgent,
        detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
    };

    private void Log(string kind, Client client, Guid? userId, Guid? sessionId, string? detail) =>
        LogSecurityEvent(logger, kind, userId, sessionId, client.Address, client.UserAgent, detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Security event {SecurityEvent} for user {UserId} session {SessionId} from {ClientAddress} ({UserAgent}): {Detail}")]
    private static partial void LogSecurityEvent(ILogger logger, string securityEvent, Guid? userId, Guid? sessionId, string clientAddress, string userAgent, string? detail);
}
