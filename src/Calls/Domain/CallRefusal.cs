namespace ChatApp.Calls.Domain;

/// <summary>Why a call refused a step: the rule broken and a sentence a person can read.</summary>
public sealed record CallRefusal(CallRefusalReason Reason, string Message);

public enum CallRefusalReason
{
    /// <summary>The person is neither the caller nor the callee of this call.</summary>
    NotYourCall,

    /// <summary>The step belongs to the other person of the call (the caller answering, say).</summary>
    WrongParty,

    /// <summary>The step does not fit the call's state (answering a call that ended, hanging up one that rings).</summary>
    WrongState,

    /// <summary>The call is theirs, but another of their devices holds it.</summary>
    OtherDevice,

    /// <summary>A rule about the call itself (calling oneself).</summary>
    Invalid,
}
