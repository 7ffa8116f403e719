namespace ChatApp.Calls.Domain;

/// <summary>The outcome of a step of a <see cref="Call"/>: the call after it, or why it was refused.</summary>
public readonly record struct CallStep(Call? Call, CallRefusal? Refusal)
{
    public static implicit operator CallStep(Call call) => new(call, null);

    public static implicit operator CallStep(CallRefusal refusal) => new(null, refusal);
}
