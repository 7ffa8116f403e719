using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Application;

public static class CallRefusals
{
    /// <summary>
    /// A refused step as the API answers it. Someone else's call is "not found", as if it did not
    /// exist: a stranger learns nothing about who is calling whom.
    /// </summary>
    public static Failure ToFailure(this CallRefusal refusal) => refusal.Reason switch
    {
        CallRefusalReason.NotYourCall => NotFound,
        CallRefusalReason.WrongParty => new Failure(FailureKind.Forbidden, "Not your step", refusal.Message),
        CallRefusalReason.Invalid => new Failure(FailureKind.Invalid, "Not a call", refusal.Message),
        _ => new Failure(FailureKind.Conflict, "Not now", refusal.Message),
    };

    public static readonly Failure NotFound = new(FailureKind.NotFound, "No such call", "There is no call with this id that you are part of.");
}
