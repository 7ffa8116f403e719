namespace ChatApp.Calls.Domain;

/// <summary>
/// A voice call between two people, owned by the server: who may do what in which state, and
/// when it ends by itself. Every step returns the call after it or a <see cref="CallRefusal"/>;
/// nothing here does I/O or reads a clock (the time is passed in), so the rules are tested alone.
/// The duration runs from the answer to the end and is never taken from a client.
/// </summary>
public sealed record Call
{
    private Call(Guid id, CallParty caller, CallParty callee, DateTimeOffset createdAt, DateTimeOffset ringUntil, TimeSpan reconnectWithin)
    {
        Id = id;
        Caller = caller;
        Callee = callee;
        CreatedAt = createdAt;
        RingUntil = ringUntil;
        ReconnectWithin = reconnectWithin;
    }

    public Guid Id { get; }

    public CallParty Caller { get; private init; }

    public CallParty Callee { get; private init; }

    public CallState State { get; private init; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>When a ringing call stops ringing and counts as missed.</summary>
    public DateTimeOffset RingUntil { get; }

    /// <summary>How long a device whose connection dropped has to come back before the call fails.</summary>
    public TimeSpan ReconnectWithin { get; }

    public DateTimeOffset? AnsweredAt { get; private init; }

    public DateTimeOffset? EndedAt { get; private init; }

    public CallOutcome? Outcome { get; private init; }

    /// <summary>The person whose step ended the call; none when time ended it (missed, busy).</summary>
    public Guid? EndedBy { get; private init; }

    /// <summary>Counts the stored changes of this call: a step saved over a newer one is refused by the store.</summary>
    public int Version { get; private init; }

    public TimeSpan Duration => AnsweredAt is { } answered && EndedAt is { } ended ? ended - answered : TimeSpan.Zero;

    /// <summary>When the call ends by itself unless something happens first (ring timeout, or a lost device's grace); none once ended.</summary>
    public DateTimeOffset? Deadline => State switch
    {
        CallState.Ringing => Earliest(RingUntil, GraceEnd(Caller)),
        CallState.Active => Earliest(GraceEnd(Caller), GraceEnd(Callee)),
        _ => null,
    };

    public static CallStep Start(Guid id, Guid callerId, Guid callerDevice, string callerConnection, Guid calleeId, DateTimeOffset now, CallTimings timings)
    {
        if (callerId == calleeId)
            return new CallRefusal(CallRefusalReason.Invalid, "You cannot call yourself.");
        return new Call(id, new CallParty(callerId).BoundTo(callerDevice, callerConnection), new CallParty(calleeId), now, now + timings.RingFor, timings.ReconnectWithin);
    }

    /// <summary>A call to someone already in a call: it never rings and ends at once, recorded as busy.</summary>
    public static Call Busy(Guid id, Guid callerId, Guid callerDevice, Guid calleeId, DateTimeOffset now) =>
        new(id, new CallParty(callerId, callerDevice), new CallParty(calleeId), now, now, TimeSpan.Zero)
        {
            State = CallState.Ended,
            Outcome = CallOutcome.Busy,
            EndedAt = now,
        };

    /// <summary>Restores a stored call as it was saved.</summary>
    public static Call Restore(
        Guid id, CallParty caller, CallParty callee, CallState state, DateTimeOffset createdAt, DateTimeOffset ringUntil, TimeSpan reconnectWithin,
        DateTimeOffset? answeredAt, DateTimeOffset? endedAt, CallOutcome? outcome, Guid? endedBy, int version) =>
        new(id, caller, callee, createdAt, ringUntil, reconnectWithin)
        {
            State = state,
            AnsweredAt = answeredAt,
            EndedAt = endedAt,
            Outcome = outcome,
            EndedBy = endedBy,
            Version = version,
        };

    public bool IsParticipant(Guid userId) => userId == Caller.UserId || userId == Callee.UserId;

    public Guid OtherThan(Guid userId) => userId == Caller.UserId ? Callee.UserId : Caller.UserId;

    /// <summary>The callee picks up on one of their devices; that device holds the call from now on.</summary>
    public CallStep Accept(Guid userId, Guid deviceId, string connectionId, DateTimeOffset now)
    {
        if (userId != Callee.UserId)
            return userId == Caller.UserId ? WrongParty("Only the person called can answer.") : NotYours();
        return State switch
        {
            // Past the ring time the call is missed, even if no replica has recorded it yet.
            CallState.Ringing when now >= RingUntil => new CallRefusal(CallRefusalReason.WrongState, "The call stopped ringing."),
            CallState.Ringing => Next() with { State = CallState.Active, AnsweredAt = now, Callee = Callee.BoundTo(deviceId, connectionId) },
            // The same device answering twice (a retried request) gets the call it already holds.
            CallState.Active when Callee.HoldsDevice(deviceId) => this,
            CallState.Active => new CallRefusal(CallRefusalReason.OtherDevice, "The call was answered on another of your devices."),
            _ => Ended("answered"),
        };
    }

    public CallStep Reject(Guid userId, DateTimeOffset now)
    {
        if (userId != Callee.UserId)
            return userId == Caller.UserId ? WrongParty("Only the person called can decline; the caller cancels.") : NotYours();
        return State == CallState.Ringing ? End(CallOutcome.Rejected, now, userId) : NotRinging("declined");
    }

    public CallStep Cancel(Guid userId, DateTimeOffset now)
    {
        if (userId != Caller.UserId)
            return userId == Callee.UserId ? WrongParty("Only the caller can cancel; the person called declines.") : NotYours();
        return State == CallState.Ringing ? End(CallOutcome.Cancelled, now, userId) : NotRinging("cancelled");
    }

    /// <summary>Either person ends an answered call, from any of their devices.</summary>
    public CallStep HangUp(Guid userId, DateTimeOffset now)
    {
        if (!IsParticipant(userId))
            return NotYours();
        return State switch
        {
            CallState.Active => End(CallOutcome.Completed, now, userId),
            CallState.Ringing => new CallRefusal(CallRefusalReason.WrongState, "The call has not been answered: the caller cancels it, the person called declines it."),
            _ => Ended("hung up"),
        };
    }

    /// <summary>
    /// The connection of a device holding the call dropped: the call goes on for the grace time,
    /// waiting for the device to come back (<see cref="Rejoin"/>), and fails after it.
    /// </summary>
    public CallStep ConnectionLost(string connectionId, DateTimeOffset now)
    {
        if (State == CallState.Ended)
            return Ended("interrupted");
        if (Caller.ConnectionId == connectionId)
            return Next() with { Caller = Caller.Lost(now) };
        if (Callee.ConnectionId == connectionId)
            return Next() with { Callee = Callee.Lost(now) };
        return new CallRefusal(CallRefusalReason.OtherDevice, "That connection does not hold this call.");
    }

    /// <summary>A device that holds the call comes back on a new connection.</summary>
    public CallStep Rejoin(Guid userId, Guid deviceId, string connectionId)
    {
        if (!IsParticipant(userId))
            return NotYours();
        if (State == CallState.Ended)
            return Ended("rejoined");
        var party = userId == Caller.UserId ? Caller : Callee;
        if (!party.HoldsDevice(deviceId))
            return new CallRefusal(CallRefusalReason.OtherDevice, party.DeviceId is null
                ? "The call has not been answered yet."
                : "Another of your devices holds this call.");
        return userId == Caller.UserId
            ? Next() with { Caller = Caller.BoundTo(deviceId, connectionId) }
            : Next() with { Callee = Callee.BoundTo(deviceId, connectionId) };
    }

    /// <summary>
    /// Time ran out, and the first deadline to pass decides how: a call that rang unanswered is
    /// missed; a call whose device did not come back in time has failed, ending when that device
    /// was lost (the talk stopped there), and never before it was answered.
    /// </summary>
    public CallStep Expire(DateTimeOffset now)
    {
        if (Deadline is not { } deadline || deadline > now)
            return new CallRefusal(CallRefusalReason.WrongState, "Nothing about this call is due yet.");
        if (State == CallState.Ringing && RingUntil == deadline)
            return End(CallOutcome.Missed, RingUntil, endedBy: null);
        var lost = GraceEnd(Caller) == deadline ? Caller : Callee;
        var endedAt = AnsweredAt is { } answered && answered > lost.LostAt!.Value ? answered : lost.LostAt!.Value;
        return End(CallOutcome.Failed, endedAt, lost.UserId);
    }

    /// <summary>
    /// Where an offer, answer or network candidate from this device goes: the other device of an
    /// answered call. Only the two devices holding the call may signal, and only to each other.
    /// </summary>
    public CallRefusal? RouteSignal(Guid userId, Guid deviceId, out string targetConnectionId)
    {
        targetConnectionId = "";
        if (!IsParticipant(userId))
            return NotYours();
        if (State != CallState.Active)
            return new CallRefusal(CallRefusalReason.WrongState, State == CallState.Ringing ? "The call has not been answered yet." : "The call has ended.");
        var (from, to) = userId == Caller.UserId ? (Caller, Callee) : (Callee, Caller);
        if (!from.HoldsDevice(deviceId))
            return new CallRefusal(CallRefusalReason.OtherDevice, "Another of your devices holds this call.");
        if (to.ConnectionId is null)
            return new CallRefusal(CallRefusalReason.WrongState, "The other person is reconnecting; try again when they are back.");
        targetConnectionId = to.ConnectionId;
        return null;
    }

    private Call End(CallOutcome outcome, DateTimeOffset at, Guid? endedBy) =>
        Next() with { State = CallState.Ended, Outcome = outcome, EndedAt = at, EndedBy = endedBy };

    private Call Next() => this with { Version = Version + 1 };

    private DateTimeOffset? GraceEnd(CallParty party) => party.LostAt + ReconnectWithin;

    private static DateTimeOffset? Earliest(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first < second ? first : second;

    private static CallRefusal NotYours() => new(CallRefusalReason.NotYourCall, "You are not part of this call.");

    private static CallRefusal WrongParty(string message) => new(CallRefusalReason.WrongParty, message);

    private CallRefusal NotRinging(string step) =>
        new(CallRefusalReason.WrongState, State == CallState.Active ? $"The call was answered; it can no longer be {step}." : $"The call has ended; it can no longer be {step}.");

    private static CallRefusal Ended(string step) =>
        new(CallRefusalReason.WrongState, $"The call has ended; it can no longer be {step}.");
}
