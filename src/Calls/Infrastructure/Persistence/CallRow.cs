using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Infrastructure.Persistence;

/// <summary>A row of <c>calls</c>, as Dapper reads it and as the store writes it.</summary>
internal sealed record CallRow
{
    public const string Columns = """
        id, caller_id, callee_id, caller_device, caller_connection, caller_lost_at, callee_device, callee_connection, callee_lost_at,
        state, outcome, ended_by, created_at, ring_until, reconnect_within_ms, answered_at, ended_at, duration_ms, deadline, version
        """;

    public Guid Id { get; init; }
    public Guid CallerId { get; init; }
    public Guid CalleeId { get; init; }
    public Guid? CallerDevice { get; init; }
    public string? CallerConnection { get; init; }
    public DateTime? CallerLostAt { get; init; }
    public Guid? CalleeDevice { get; init; }
    public string? CalleeConnection { get; init; }
    public DateTime? CalleeLostAt { get; init; }
    public string State { get; init; } = "";
    public string? Outcome { get; init; }
    public Guid? EndedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime RingUntil { get; init; }
    public int ReconnectWithinMs { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public long DurationMs { get; init; }
    public DateTime? Deadline { get; init; }
    public int Version { get; init; }

    public static CallRow Of(Call call) => new()
    {
        Id = call.Id,
        CallerId = call.Caller.UserId,
        CalleeId = call.Callee.UserId,
        CallerDevice = call.Caller.DeviceId,
        CallerConnection = call.Caller.ConnectionId,
        CallerLostAt = call.Caller.LostAt?.UtcDateTime,
        CalleeDevice = call.Callee.DeviceId,
        CalleeConnection = call.Callee.ConnectionId,
        CalleeLostAt = call.Callee.LostAt?.UtcDateTime,
        State = Name(call.State),
        Outcome = call.Outcome is { } outcome ? Name(outcome) : null,
        EndedBy = call.EndedBy,
        CreatedAt = call.CreatedAt.UtcDateTime,
        RingUntil = call.RingUntil.UtcDateTime,
        ReconnectWithinMs = (int)call.ReconnectWithin.TotalMilliseconds,
        AnsweredAt = call.AnsweredAt?.UtcDateTime,
        EndedAt = call.EndedAt?.UtcDateTime,
        DurationMs = (long)call.Duration.TotalMilliseconds,
        Deadline = call.Deadline?.UtcDateTime,
        Version = call.Version,
    };

    public Call ToCall() => Call.Restore(
        Id,
        new CallParty(CallerId, CallerDevice, CallerConnection, Utc(CallerLostAt)),
        new CallParty(CalleeId, CalleeDevice, CalleeConnection, Utc(CalleeLostAt)),
        Enum.Parse<CallState>(State, ignoreCase: true),
        Utc(CreatedAt),
        Utc(RingUntil),
        TimeSpan.FromMilliseconds(ReconnectWithinMs),
        Utc(AnsweredAt),
        Utc(EndedAt),
        Outcome is null ? null : Enum.Parse<CallOutcome>(Outcome, ignoreCase: true),
        EndedBy,
        Version);

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? stored) => stored is { } value ? Utc(value) : null;
}
