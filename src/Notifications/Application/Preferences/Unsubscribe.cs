using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Preferences;

/// <summary>What an unsubscribe link stands for, and the recipient's language to answer in.</summary>
public sealed record UnsubscribeLink(Guid UserId, EmailList List, string Language);

/// <summary>Reads and applies one-click unsubscribe links, which work without signing in.</summary>
public sealed class Unsubscribe(IUnsubscribeLinks links, IUnitOfWorkFactory unitOfWorks, IRecipients recipients)
{
    private static readonly Failure InvalidLink = Failure.Field(FailureKind.Invalid, "Invalid unsubscribe link", "token",
        "This link is incomplete or was not made by ChatApp. Copy the whole link from the email, or change your settings in the app.");

    /// <summary>What the link would switch off, without changing anything (for the page a GET shows).</summary>
    public Task<Result<UnsubscribeLink>> InspectAsync(string? token, CancellationToken cancellationToken) =>
        RunAsync(token, apply: false, cancellationToken);

    public Task<Result<UnsubscribeLink>> ExecuteAsync(string? token, CancellationToken cancellationToken) =>
        RunAsync(token, apply: true, cancellationToken);

    private async Task<Result<UnsubscribeLink>> RunAsync(string? token, bool apply, CancellationToken cancellationToken)
    {
        if (await links.ReadAsync(token, cancellationToken) is not var (userId, list))
            return InvalidLink;

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await recipients.FindAsync(unitOfWork, userId, cancellationToken, forUpdate: apply) is not { } recipient)
            return PreferenceFailures.NotKnownYet;
        if (apply)
        {
            await recipients.SavePreferencesAsync(unitOfWork, userId, recipient.Preferences.Unsubscribe(list), cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
        }

        return new UnsubscribeLink(userId, list, recipient.Preferences.Language);
    }
}
