namespace ChatApp.Messaging.Application.Limits;

/// <summary>
/// How often one person (all their devices together, on every replica) may act, from
/// <c>Messaging:RateLimits</c>. The defaults leave a real person far below them: the web app
/// sends at most one typing notice per conversation every 3 s, one delivered receipt per
/// conversation after a sync (hence the large receipt burst) and one read receipt per message
/// shown; a person types a few messages a minute, an outbox after a day offline sends a few dozen.
/// </summary>
public sealed class PersonRateLimits
{
    public TokenBucket Sends { get; set; } = new() { Burst = 30, PerSecond = 5 };

    public TokenBucket Edits { get; set; } = new() { Burst = 20, PerSecond = 2 };

    public TokenBucket Receipts { get; set; } = new() { Burst = 500, PerSecond = 20 };

    public TokenBucket Typing { get; set; } = new() { Burst = 20, PerSecond = 2 };

    public TokenBucket For(LimitedAction action) => action switch
    {
        LimitedAction.Send => Sends,
        LimitedAction.Edit => Edits,
        LimitedAction.Receipt => Receipts,
        LimitedAction.Typing => Typing,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    public bool IsValid => Enum.GetValues<LimitedAction>().All(action => For(action).IsValid);
}
