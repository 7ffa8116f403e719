namespace ChatApp.Messaging.Application.Limits;

/// <summary>What a person may do only so often: each has its own bucket (<see cref="PersonRateLimits"/>).</summary>
public enum LimitedAction
{
    Send,
    Edit,
    Receipt,
    Typing,
}
