using System.Globalization;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Limits;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.Messaging.Infrastructure.Limits;

/// <summary>
/// Token buckets in Redis, one per person and action, so a person's devices on every replica
/// share them. One Lua script takes a token atomically, on Redis's own clock (replicas' clocks
/// may differ). With Redis away the limits are not enforced: a send must not fail for want of a
/// counter, as it does not for want of presence.
/// </summary>
public sealed partial class RedisRateLimits(IConnectionMultiplexer redis, IOptions<MessagingOptions> options, ILogger<RedisRateLimits> logger) : IRateLimits
{
    private const string Prefix = "chatapp:rate:";

    // KEYS[1]: the bucket. ARGV: burst, tokens per millisecond. Returns 0 when a token was taken,
    // else the milliseconds until one is there. The bucket expires once it would be full again.
    private const string TakeScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local burst = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or burst
        local at = tonumber(state[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
        local wait = 0
        if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
        return wait
        """;

    public async Task<TimeSpan?> TakeAsync(Guid userId, LimitedAction action, CancellationToken cancellationToken)
    {
        var bucket = options.Value.RateLimits.For(action);
        RedisKey key = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{action}:{userId:N}");
        try
        {
            var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [key],
                [bucket.Burst, (bucket.PerSecond / 1000).ToString("R", CultureInfo.InvariantCulture)]);
            return wait == 0 ? null : TimeSpan.FromMilliseconds(wait);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogNotEnforced(logger, ex, action, userId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit of {Action} for {UserId} not enforced: Redis does not answer")]
    private static partial void LogNotEnforced(ILogger logger, Exception exception, LimitedAction action, Guid userId);
}
