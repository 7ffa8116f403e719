using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;

namespace ChatApp.Messaging.Api.Hub;

/// <summary>What the server pushes to a device over <c>/hubs/chat</c> (the method names are what a client listens for).</summary>
public interface IChatClient
{
    /// <summary>A new message in one of my conversations (mine from another device included: the client matches <c>clientMessageId</c>).</summary>
    Task MessageReceived(MessageView message);

    /// <summary>A message was edited or deleted.</summary>
    Task MessageChanged(MessageView message);

    /// <summary>A member's delivered or read pointer moved.</summary>
    Task ReceiptsChanged(MemberReceipts receipts);

    Task Typing(TypingView typing);

    /// <summary>A conversation I am in was created, renamed, or its members or roles changed.</summary>
    Task ConversationChanged(ConversationDetail conversation);

    /// <summary>I am no longer in a conversation (left, removed, or the group was deleted).</summary>
    Task ConversationRemoved(ConversationRemoved removed);

    /// <summary>Someone came online or went offline (only for connections that watch presence).</summary>
    Task PresenceChanged(PresenceView presence);

    /// <summary>
    /// The session this connection's access token belongs to has ended (signed out here or from
    /// another device, everywhere, by a password or second-factor change, or because its refresh
    /// token was reused). The server closes the connection right after this, refuses to open it
    /// again with a token of that session, and Identity refuses its refresh: the device shows
    /// the sign-in screen.
    /// </summary>
    Task SessionEnded(SessionEndedView ended);
}

public sealed record ConversationRemoved(Guid ConversationId);

/// <summary>Which session ended: the <c>sid</c> of the access token the connection was opened with.</summary>
public sealed record SessionEndedView(Guid SessionId);
