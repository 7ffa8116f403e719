namespace ChatApp.Messaging.Application.Presence;

/// <summary>What the presence store made of a new connection.</summary>
public enum ConnectionAdmission
{
    /// <summary>The user's first live connection: they came online.</summary>
    First,

    /// <summary>One more connection of someone already online.</summary>
    Another,

    /// <summary>The user already holds as many live connections as allowed: not recorded, to be refused.</summary>
    OverLimit,
}
