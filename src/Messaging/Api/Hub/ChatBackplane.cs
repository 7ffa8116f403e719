using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.Messaging.Api.Hub;

/// <summary>
/// Carries the chat hub's pushes to every replica over one Redis channel. SignalR's Redis
/// backplane subscribes to two channels for every connection (its own and its user's), each with
/// a message queue and a read loop of its own: about 7.5 KB of memory per idle connection on the
/// replica, and two SUBSCRIBEs for every connect. Here each replica subscribes once; a push is
/// delivered to this replica's connections at once and published for the others, which deliver it
/// to theirs (a replica skips its own). Every replica reads every push, which is cheap for the
/// handful of replicas a deployment runs. One subscription is read in order, so pushes to a
/// connection keep the order they were sent in, as with SignalR's backplane.
/// </summary>
/// <remarks>
/// Arguments cross as the JSON the hub's JSON protocol writes (with its payload options) and are
/// written again as that same JSON: the hub speaks only JSON, which the constructor checks.
/// </remarks>
public sealed partial class ChatBackplane : HubLifetimeManager<ChatHub>
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("chatapp-messaging:pushes");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(1);
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    private readonly DefaultHubLifetimeManager<ChatHub> _local;
    private readonly HubConnectionStore _here = new();
    // Each user's connections here. A push to users is written to theirs alone: SignalR's own
    // manager looks through every connection of the replica for each push to a user. A push to
    // users none of whom are here is skipped unread, so each replica pays little for the pushes
    // that every replica receives. Arrays are replaced, never changed: pushes read them unlocked.
    private readonly ConcurrentDictionary<string, HubConnectionContext[]> _usersHere = new(StringComparer.Ordinal);
    private readonly Lock _usersHereChanging = new();
    private readonly IConnectionMultiplexer _redis;
    private readonly JsonSerializerOptions _payload;
    private readonly ILogger<ChatBackplane> _logger;
    // Tells this replica's own pushes, which come back to it, from the others': by how their JSON
    // begins (the replica's id is its first property), without reading the rest.
    private readonly Guid _replicaId = Guid.NewGuid();
    private readonly byte[] _ownPrefix;

    public ChatBackplane(
        IConnectionMultiplexer redis, IHubProtocolResolver protocols, IOptions<JsonHubProtocolOptions> json,
        ILogger<DefaultHubLifetimeManager<ChatHub>> localLogger, ILogger<ChatBackplane> logger, IHostApplicationLifetime lifetime)
    {
        if (protocols.AllProtocols.Any(protocol => protocol.Name != "json"))
            throw new InvalidOperationException("The chat backplane carries arguments as JSON; the hub must speak only the JSON protocol.");
        _local = new DefaultHubLifetimeManager<ChatHub>(localLogger);
        _redis = redis;
        _payload = json.Value.PayloadSerializerOptions;
        _logger = logger;
        // {"replicaId":"…", as the serializer writes it.
        var own = JsonSerializer.SerializeToUtf8Bytes(new Push(_replicaId, PushKind.All, [], [], "", []), Json);
        _ownPrefix = own[..(Array.IndexOf(own, (byte)',') + 1)];
        _ = SubscribeAsync(lifetime.ApplicationStopping);
    }

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _here.Add(connection);
        if (connection.UserIdentifier is { } user)
        {
            lock (_usersHereChanging)
                _usersHere[user] = _usersHere.TryGetValue(user, out var others) ? [.. others, connection] : [connection];
        }
        return _local.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _here.Remove(connection);
        if (connection.UserIdentifier is { } user)
            ForgetUserConnection(user, connection);
        return _local.OnDisconnectedAsync(connection);
    }

    private void ForgetUserConnection(string user, HubConnectionContext connection)
    {
        lock (_usersHereChanging)
        {
            if (!_usersHere.TryGetValue(user, out var connections))
                return;
            HubConnectionContext[] rest = [.. connections.Where(other => other != connection)];
            if (rest.Length == 0)
                _usersHere.TryRemove(user, out _);
            else
                _usersHere[user] = rest;
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(_local.SendAllAsync(methodName, args, cancellationToken), new Push(_replicaId, PushKind.All, [], [], methodName, Serialize(args)));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        BothAsync(_local.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken),
            new Push(_replicaId, PushKind.All, [], [.. excludedConnectionIds], methodName, Serialize(args)));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendConnectionsAsync([connectionId], methodName, args, cancellationToken);

    /// <summary>A connection here is written to directly; only the others' go through Redis.</summary>
    public override async Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        var elsewhere = connectionIds.Where(id => _here[id] is null).ToArray();
        if (elsewhere.Length < connectionIds.Count)
            await _local.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);
        if (elsewhere.Length > 0)
            await PublishAsync(new Push(_replicaId, PushKind.Connections, elsewhere, [], methodName, Serialize(args)));
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendGroupsAsync([groupName], methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(_local.SendGroupsAsync(groupNames, methodName, args, cancellationToken),
            new Push(_replicaId, PushKind.Groups, [.. groupNames], [], methodName, Serialize(args)));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        BothAsync(_local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken),
            new Push(_replicaId, PushKind.Groups, [groupName], [.. excludedConnectionIds], methodName, Serialize(args)));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendUsersAsync([userId], methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendUsersExceptAsync(userIds, methodName, args, null, cancellationToken);

    /// <summary>
    /// To the users' connections but, if given, one of this replica (SignalR has no such call):
    /// the connection a hub call came over, whose answer carries what the push would. It is here,
    /// so the other replicas are sent the push to all of the users' connections.
    /// </summary>
    public Task SendUsersExceptAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, string? excludedConnectionId, CancellationToken cancellationToken = default) =>
        BothAsync(SendUsersHereAsync(userIds, methodName, args, excludedConnectionId, cancellationToken),
            new Push(_replicaId, PushKind.Users, [.. userIds], [], methodName, Serialize(args)));

    /// <summary>A connection here joins at once; one elsewhere is asked to through Redis (not awaited there).</summary>
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        _here[connectionId] is not null
            ? _local.AddToGroupAsync(connectionId, groupName, cancellationToken)
            : PublishAsync(new Push(_replicaId, PushKind.Join, [connectionId], [], groupName, []));

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        _here[connectionId] is not null
            ? _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken)
            : PublishAsync(new Push(_replicaId, PushKind.Leave, [connectionId], [], groupName, []));

    // Client results: only for a connection on this replica (the hub asks none).
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _local.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        _local.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _local.TryGetReturnType(invocationId, out type);

    /// <summary>Here first, then the others: with Redis away, this replica's connections still get the push, and the caller the failure.</summary>
    private async Task BothAsync(Task here, Push push)
    {
        await here;
        await PublishAsync(push);
    }

    private async Task PublishAsync(Push push) =>
        await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.SerializeToUtf8Bytes(push, Json));

    private JsonElement[] Serialize(object?[] args) =>
        [.. args.Select(arg => arg is null ? Null : JsonSerializer.SerializeToElement(arg, arg.GetType(), _payload))];

    /// <summary>
    /// Once Redis answers: the multiplexer then keeps the subscription and renews it after every
    /// reconnect. Until then (Redis away at start) pushes from the other replicas do not arrive here.
    /// </summary>
    private async Task SubscribeAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var queue = await _redis.GetSubscriber().SubscribeAsync(Channel);
                // One queue, read in order: pushes to a connection keep their order.
                queue.OnMessage(OnPushAsync);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogSubscribeFailed(_logger, ex);
            }

            try
            {
                await Task.Delay(SubscribeRetry, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task OnPushAsync(ChannelMessage message)
    {
        try
        {
            var json = (byte[])message.Message!;
            if (json.AsSpan().StartsWith(_ownPrefix) || !ConcernsHere(json))
                return;
            var push = JsonSerializer.Deserialize<Push>(json, Json) ?? throw new JsonException("An empty push.");
            await DeliverHereAsync(push);
        }
        // Nobody awaits this: whatever went wrong is logged here, and the next push is read.
        catch (Exception ex)
        {
            LogDeliveryFailed(_logger, ex);
        }
    }

    /// <summary>
    /// Whether a push may have a connection here to go to, read only as far as its targets (they
    /// come before its arguments): a push to users or connections none of which are here is not.
    /// </summary>
    private bool ConcernsHere(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var kind = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                continue;
            if (reader.ValueTextEquals("kind"u8) && reader.Read())
                kind = reader.GetInt32();
            else if (reader.ValueTextEquals("targets"u8) && reader.Read())
            {
                if (kind is not ((int)PushKind.Users or (int)PushKind.Connections))
                    return true;
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    var target = reader.GetString()!;
                    if (kind == (int)PushKind.Users ? _usersHere.ContainsKey(target) : _here[target] is not null)
                        return true;
                }
                return false;
            }
        }
        return true;
    }

    private Task DeliverHereAsync(Push push)
    {
        // Written by the JSON protocol as the very JSON they were made from (a null as null).
        object?[] args = [.. push.Args.Cast<object?>()];
        return push.Kind switch
        {
            PushKind.All => _local.SendAllExceptAsync(push.Method, args, push.Excluded),
            PushKind.Connections => _local.SendConnectionsAsync(push.Targets, push.Method, args),
            PushKind.Groups when push.Excluded.Length > 0 => _local.SendGroupExceptAsync(push.Targets[0], push.Method, args, push.Excluded),
            PushKind.Groups => _local.SendGroupsAsync(push.Targets, push.Method, args),
            PushKind.Users => SendUsersHereAsync(push.Targets, push.Method, args, null, CancellationToken.None),
            PushKind.Join => _local.AddToGroupAsync(push.Targets[0], push.Method),
            PushKind.Leave => _local.RemoveFromGroupAsync(push.Targets[0], push.Method),
            _ => throw new JsonException($"A push of an unknown kind {push.Kind}."),
        };
    }

    /// <summary>Written to the users' connections here, found by user; the message is serialized once for all of them.</summary>
    private Task SendUsersHereAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, string? excludedConnectionId, CancellationToken cancellationToken)
    {
        SerializedHubMessage? message = null;
        List<Task>? pending = null;
        foreach (var user in userIds)
        {
            if (!_usersHere.TryGetValue(user, out var connections))
                continue;
            message ??= new SerializedHubMessage(new InvocationMessage(methodName, args));
            foreach (var connection in connections)
            {
                if (connection.ConnectionId == excludedConnectionId)
                    continue;
                var write = connection.WriteAsync(message, cancellationToken);
                if (!write.IsCompletedSuccessfully)
                    (pending ??= []).Add(write.AsTask());
            }
        }
        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    private enum PushKind
    {
        All = 1,
        Connections = 2,
        Groups = 3,
        Users = 4,
        Join = 5,
        Leave = 6,
    }

    /// <summary>A push as it crosses: to whom, except whom, which client method (or group, to join or leave) and its arguments.</summary>
    private sealed record Push(Guid ReplicaId, PushKind Kind, string[] Targets, string[] Excluded, string Method, JsonElement[] Args);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the other replicas' pushes failed; trying again")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A push from another replica could not be delivered here")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}
