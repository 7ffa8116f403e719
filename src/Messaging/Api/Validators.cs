using ChatApp.Messaging.Application;
using ChatApp.Messaging.Domain;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Api;

public sealed class NewMessageRequestValidator : AbstractValidator<NewMessageRequest>
{
    public NewMessageRequestValidator(IOptions<MessagingOptions> options)
    {
        RuleFor(r => r.ClientMessageId).NotNull().NotEqual(Guid.Empty).WithMessage("Give the message an id of your own (a UUID), the same on every retry.");
        RuleFor(r => r.Body).IsEnvelope(options.Value.MaxBodyBytes);
        RuleFor(r => r.ReplyToSequence).GreaterThan(0).When(r => r.ReplyToSequence is not null).WithMessage("Reply to a message by its sequence number.");
    }
}

public sealed class EditMessageRequestValidator : AbstractValidator<EditMessageRequest>
{
    public EditMessageRequestValidator(IOptions<MessagingOptions> options) =>
        RuleFor(r => r.Body).IsEnvelope(options.Value.MaxBodyBytes);
}

internal static class EnvelopeRule
{
    /// <summary>
    /// A message body: present, at most <paramref name="maxBytes"/>, and a well-formed envelope
    /// (<see cref="MessageEnvelope"/>), with the envelope's own problem as the message. Its sender
    /// and keys are the use case's to check: it knows who sends and to whom.
    /// </summary>
    public static void IsEnvelope<T>(this IRuleBuilderInitial<T, string?> rule, int maxBytes) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(body => MessageBody.IsWithin(body, maxBytes)).WithMessage($"Send the encrypted message, at most {maxBytes} bytes.")
            .Custom((body, context) =>
            {
                if (MessageEnvelope.Parse(body).Problem is { } problem)
                    context.AddFailure(problem);
            });
}

public sealed class ReceiptRequestValidator : AbstractValidator<ReceiptRequest>
{
    public ReceiptRequestValidator()
    {
        RuleFor(r => r).Must(r => r.DeliveredSequence is not null || r.ReadSequence is not null)
            .WithName("deliveredSequence").WithMessage("Say up to which sequence number messages were delivered or read.");
        RuleFor(r => r.DeliveredSequence).GreaterThanOrEqualTo(0).When(r => r.DeliveredSequence is not null);
        RuleFor(r => r.ReadSequence).GreaterThanOrEqualTo(0).When(r => r.ReadSequence is not null);
    }
}

public sealed class SyncRequestValidator : AbstractValidator<SyncRequest>
{
    public const int MaxConversations = 5000;

    public SyncRequestValidator()
    {
        // Stop at the first failure: the count of a missing list would throw (a 500) instead of answering 400.
        RuleFor(r => r.Conversations).Cascade(CascadeMode.Stop).NotNull().Must(list => list!.Count <= MaxConversations)
            .WithMessage($"Send up to {MaxConversations} cursors ([] when the device knows none).");
        RuleForEach(r => r.Conversations).Must(cursor => cursor is not null && cursor.ConversationId != Guid.Empty && cursor.AfterVersion >= 0)
            .WithMessage("Each cursor needs a conversationId and an afterVersion of 0 or more.");
    }
}

public sealed class CreateGroupRequestValidator : AbstractValidator<CreateGroupRequest>
{
    public CreateGroupRequestValidator(IOptions<MessagingOptions> options)
    {
        RuleFor(r => r.Name).Must(GroupName.IsValid).WithMessage($"Name the group (1–{GroupName.MaxLength} characters).");
        // Cascade, not When: a When here would also switch off NotNull, and a missing list reached the use case.
        // The owner makes one more.
        RuleFor(r => r.MemberIds).Cascade(CascadeMode.Stop).NotNull().WithMessage("List the members ([] for a group of one).")
            .Must(ids => ids!.Distinct().Count() < options.Value.MaxGroupMembers)
            .WithMessage($"A group holds at most {options.Value.MaxGroupMembers} people.");
    }
}

public sealed class RenameGroupRequestValidator : AbstractValidator<RenameGroupRequest>
{
    public RenameGroupRequestValidator() =>
        RuleFor(r => r.Name).Must(GroupName.IsValid).WithMessage($"Name the group (1–{GroupName.MaxLength} characters).");
}

public sealed class AddMembersRequestValidator : AbstractValidator<AddMembersRequest>
{
    public AddMembersRequestValidator(IOptions<MessagingOptions> options) =>
        RuleFor(r => r.UserIds).Must(ids => ids is { Count: > 0 } && ids.Count <= options.Value.MaxGroupMembers)
            .WithMessage("List the people to add.");
}

public sealed class ChangeRoleRequestValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleRequestValidator() =>
        RuleFor(r => r.Role).NotNull().IsInEnum().WithMessage("Choose Admin or Member.");
}

public sealed class HandOverRequestValidator : AbstractValidator<HandOverRequest>
{
    public HandOverRequestValidator() =>
        RuleFor(r => r.UserId).NotNull().NotEqual(Guid.Empty).WithMessage("Name the member who takes over.");
}

public sealed class LeaveGroupRequestValidator : AbstractValidator<LeaveGroupRequest>
{
    public LeaveGroupRequestValidator() =>
        RuleFor(r => r.NewOwnerId).NotEqual(Guid.Empty).When(r => r.NewOwnerId is not null).WithMessage("Name a member, or leave it out.");
}
