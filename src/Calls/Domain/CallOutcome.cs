namespace ChatApp.Calls.Domain;

/// <summary>How a call ended. Stored and sent by these names in lower case.</summary>
public enum CallOutcome
{
    /// <summary>Answered, then hung up by either person.</summary>
    Completed,

    /// <summary>Rang for the whole ring time and nobody answered.</summary>
    Missed,

    /// <summary>The callee declined it while it rang.</summary>
    Rejected,

    /// <summary>The caller gave up while it rang.</summary>
    Cancelled,

    /// <summary>The callee was already in another call.</summary>
    Busy,

    /// <summary>A device lost its connection and did not come back in time.</summary>
    Failed,
}
