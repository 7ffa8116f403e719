using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Notifications.Application.Preferences;

public static class PreferenceFailures
{
    /// <summary>Right after registering, the account may not have reached Notifications yet.</summary>
    public static readonly Failure NotKnownYet = new(FailureKind.NotFound, "No preferences yet",
        "This account is not known to notifications yet; try again in a few seconds.");
}
