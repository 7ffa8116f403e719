using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Events;

/// <summary>Tells the callee who called and when, unless they switched missed-call emails off.</summary>
public sealed class SendMissedCallEmail(IRecipients recipients, IEmailComposer composer, IOutgoingEmails outgoing, IEmailMetrics metrics) : IHandles<CallMissed>
{
    public async Task HandleAsync(CallMissed message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.Require(message.CallerId != message.CalleeId, nameof(CallMissed), "the caller and the callee are the same user");

        var callee = await recipients.GetAsync(unitOfWork, message.CalleeId, cancellationToken);
        if (!callee.Preferences.MissedCallEmails)
        {
            metrics.RecordSkipped(EmailKind.MissedCall);
            return;
        }

        var names = await recipients.FindNamesAsync(unitOfWork, [message.CallerId], cancellationToken);
        if (!names.TryGetValue(message.CallerId, out var caller))
            throw new RecipientNotKnownYetException(message.CallerId);

        var to = Addressee.Of(callee);
        var model = new MissedCallModel(caller.DisplayName, caller.Username, to.Time(message.StartedAt));
        var email = await composer.ComposeAsync(EmailKind.MissedCall, to, model, message.OccurredAt, cancellationToken);
        await outgoing.EnqueueAsync(unitOfWork, email, cancellationToken);
    }
}
