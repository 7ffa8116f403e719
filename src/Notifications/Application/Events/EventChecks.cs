using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Emails;

namespace ChatApp.Notifications.Application.Events;

/// <summary>What an event must hold before an email can be made of it; anything else is malformed and goes to the error queue.</summary>
public static class EventChecks
{
    public static void Require(bool condition, string eventType, string problem)
    {
        if (!condition)
            throw new MalformedEventException($"{eventType}: {problem}");
    }

    public static void RequireEmailAddress(IEmailAddresses addresses, string? address, string eventType) =>
        Require(address is { Length: > 0 and <= 254 } && address.Contains('@', StringComparison.Ordinal) && addresses.IsMailbox(address),
            eventType, $"'{address}' is not an email address");

    public static void RequireText(string? value, string field, string eventType) =>
        Require(!string.IsNullOrWhiteSpace(value), eventType, $"{field} is empty");
}
