using System.Globalization;
using ChatApp.Messaging.Application.Presence;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.Messaging.Infrastructure.Presence;

/// <summary>
/// Presence in Redis, shared by every replica. Each user has a sorted set of their connections
/// scored by when each expires; one sorted set holds the online users scored by their latest
/// expiry. Every change is one Lua script, so two replicas never both see "first connection"
/// or "last connection" for the same user.
/// </summary>
public sealed class RedisPresenceStore(IConnectionMultiplexer redis, IOptions<PresenceOptions> options, TimeProvider clock) : IPresenceStore
{
    private const string Prefix = "chatapp:presence:";
    private static readonly RedisKey OnlineKey = Prefix + "online";

    // KEYS: user's connections, online set. ARGV: connection, expiry, now, user, max. Returns the
    // live connections before this one, or -1 (and records nothing) when there are max already.
    private static readonly LuaScript Add = LuaScript.Prepare("""
        redis.call('ZREMRANGEBYSCORE', @userKey, '-inf', @now)
        local before = redis.call('ZCARD', @userKey)
        if before >= tonumber(@max) then return -1 end
        redis.call('ZADD', @userKey, @expiry, @connection)
        redis.call('ZADD', @onlineKey, 'GT', @expiry, @user)
        return before
        """);

    // Returns 1 when the user is offline now (and was online until this call). The closed
    // connection leaves a marker for a lifetime, so that a renewal already on its way (a heartbeat
    // that read its connections just before this one closed) does not put it back.
    private static readonly LuaScript Remove = LuaScript.Prepare("""
        redis.call('SET', @closedKey, 1, 'PX', @lifetime)
        redis.call('ZREM', @userKey, @connection)
        redis.call('ZREMRANGEBYSCORE', @userKey, '-inf', @now)
        if redis.call('ZCARD', @userKey) == 0 then
          redis.call('DEL', @userKey)
          return redis.call('ZREM', @onlineKey, @user)
        end
        return 0
        """);

    // Returns 1 when the store did not have the user online (it lost them, or expired them too early).
    // A connection that closed meanwhile stays closed.
    private static readonly LuaScript Renew = LuaScript.Prepare("""
        if redis.call('EXISTS', @closedKey) == 1 then return 0 end
        redis.call('ZADD', @userKey, @expiry, @connection)
        local known = redis.call('ZSCORE', @onlineKey, @user)
        redis.call('ZADD', @onlineKey, 'GT', @expiry, @user)
        if known then return 0 end
        return 1
        """);

    // Users whose every connection expired: removed, and returned.
    private static readonly LuaScript Expire = LuaScript.Prepare("""
        local gone = {}
        for _, user in ipairs(redis.call('ZRANGEBYSCORE', @onlineKey, '-inf', @now)) do
          local key = @prefix .. 'user:' .. user
          redis.call('ZREMRANGEBYSCORE', key, '-inf', @now)
          local latest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
          if #latest == 0 then
            redis.call('DEL', key)
            redis.call('ZREM', @onlineKey, user)
            table.insert(gone, user)
          else
            redis.call('ZADD', @onlineKey, latest[2], user)
          end
        end
        return gone
        """);

    private IDatabase Db => redis.GetDatabase();

    public async Task<ConnectionAdmission> AddConnectionAsync(Guid userId, string connectionId) =>
        (long)await Db.ScriptEvaluateAsync(Add, Arguments(userId, connectionId)) switch
        {
            < 0 => ConnectionAdmission.OverLimit,
            0 => ConnectionAdmission.First,
            _ => ConnectionAdmission.Another,
        };

    public async Task<bool> RemoveConnectionAsync(Guid userId, string connectionId) =>
        (long)await Db.ScriptEvaluateAsync(Remove, Arguments(userId, connectionId)) == 1;

    public async Task<IReadOnlyList<Guid>> RenewAsync(IReadOnlyCollection<(Guid UserId, string ConnectionId)> connections)
    {
        var batch = Db.CreateBatch();
        var renewals = connections.Select(connection =>
            (connection.UserId, Lost: batch.ScriptEvaluateAsync(Renew, Arguments(connection.UserId, connection.ConnectionId)))).ToList();
        batch.Execute();
        var lost = new HashSet<Guid>();
        foreach (var (userId, renewal) in renewals)
            if ((long)await renewal == 1)
                lost.Add(userId);
        return [.. lost];
    }

    public async Task<IReadOnlyList<Guid>> ExpireAsync()
    {
        var gone = (RedisValue[]?)await Db.ScriptEvaluateAsync(Expire, new { onlineKey = OnlineKey, prefix = Prefix, now = Now() }) ?? [];
        return [.. gone.Select(user => Guid.ParseExact(user.ToString(), "N"))];
    }

    public async Task<IReadOnlyList<Guid>> OnlineUsersAsync()
    {
        var users = await Db.SortedSetRangeByScoreAsync(OnlineKey, Now(), double.PositiveInfinity, Exclude.Start);
        return [.. users.Select(user => Guid.ParseExact(user.ToString(), "N"))];
    }

    public async Task<IReadOnlySet<Guid>> WhichAreOnlineAsync(IReadOnlyCollection<Guid> userIds)
    {
        if (userIds.Count == 0)
            return new HashSet<Guid>();
        var ids = userIds.ToList();
        var scores = await Db.SortedSetScoresAsync(OnlineKey, [.. ids.Select(id => (RedisValue)id.ToString("N"))]);
        var now = Now();
        return ids.Where((_, index) => scores[index] is { } expiry && expiry > now).ToHashSet();
    }

    private object Arguments(Guid userId, string connectionId)
    {
        var now = Now();
        return new
        {
            userKey = (RedisKey)(Prefix + "user:" + userId.ToString("N")),
            onlineKey = OnlineKey,
            closedKey = (RedisKey)(Prefix + "closed:" + connectionId),
            connection = connectionId,
            user = userId.ToString("N"),
            now,
            expiry = now + (long)options.Value.ConnectionLifetime.TotalMilliseconds,
            lifetime = (long)options.Value.ConnectionLifetime.TotalMilliseconds,
            max = options.Value.MaxConnectionsPerPerson,
        };
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Redis presence ({redis.Configuration})");
}
