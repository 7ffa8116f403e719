using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>What a person does and sees with calls in the web app, through roles and labels.</summary>
public static class Calling
{
    /// <summary>Opens the chat with <paramref name="callee"/> and presses the phone.</summary>
    public static async Task CallAsync(this WebPerson caller, WebPerson callee)
    {
        await caller.OpenChatWithAsync(callee);
        await caller.Page.GetByRole(AriaRole.Button, new() { Name = $"Call {callee.DisplayName}", Exact = true }).ClickAsync();
    }

    public static ILocator IncomingCall(this WebPerson person) => person.Page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });

    public static ILocator CallBar(this WebPerson person, WebPerson other) =>
        person.Page.GetByRole(AriaRole.Region, new() { Name = $"Call with {other.DisplayName}" });

    public static async Task AnswerAsync(this WebPerson callee, WebPerson caller)
    {
        await Expect(callee.IncomingCall()).ToContainTextAsync(caller.DisplayName);
        await callee.IncomingCall().GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
    }

    public static Task HangUpAsync(this WebPerson person, WebPerson other) =>
        person.CallBar(other).GetByRole(AriaRole.Button, new() { Name = "Hang up" }).ClickAsync();

    /// <summary>Until this page's newest peer connection is connected and audio bytes arrive; returns the figures then.</summary>
    public static async Task<PeerFigures> AudioFlowingAsync(this WebPerson person)
    {
        var figures = await PeerConnections.NewestAsync(person.Page);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(figures.State == "connected" && figures.BytesReceived > 0))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No audio reached {person.DisplayName}: {figures}");
            await Task.Delay(50);
            figures = await PeerConnections.NewestAsync(person.Page);
        }
        return figures;
    }

    /// <summary>The Calls tab's history entries, newest first, as their text.</summary>
    public static async Task<IReadOnlyList<string>> CallHistoryAsync(this WebPerson person)
    {
        await person.Page.GetByRole(AriaRole.Tab, new() { Name = "Calls" }).ClickAsync();
        var history = person.Page.GetByRole(AriaRole.List, new() { Name = "Call history" });
        await Expect(history).ToBeVisibleAsync();
        return await history.GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
    }
}
