using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>A group of three: made in the app, "read by N of 2" as the others open it, renamed for everyone.</summary>
[Collection(BrowserTests.Name)]
public sealed class GroupChatTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task A_group_of_three_shows_who_has_read_each_message()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob", width: 375);
        var carol = await SignedInAsync("Carol");

        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "New group" }).ClickAsync();
        var dialog = alice.Page.GetByRole(AriaRole.Dialog, new() { Name = "New group" });
        await dialog.GetByLabel("Group name").FillAsync("Weekend trip");
        foreach (var person in new[] { bob, carol })
        {
            await dialog.GetByLabel("Add people").FillAsync(person.Username);
            await dialog.GetByRole(AriaRole.Button).Filter(new() { HasText = person.Username }).ClickAsync();
        }
        await Expect(dialog.GetByRole(AriaRole.List, new() { Name = "Chosen people" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await TestBrowser.ScreenshotAsync(alice.Page, "new-group");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(alice.Page.GetByRole(AriaRole.Heading, new() { Name = "Weekend trip" })).ToBeVisibleAsync();

        await alice.SendAsync("Who is in for Saturday?");
        var readBy = alice.Message("Who is in for Saturday?").Locator("button.tick");
        await Expect(readBy).ToHaveTextAsync(new Regex("Read by 0 of 2$"));
        await bob.OpenConversationAsync("Weekend trip");
        await Expect(bob.Message("Who is in for Saturday?")).ToContainTextAsync("Alice");
        await Expect(readBy).ToHaveTextAsync(new Regex("Read by 1 of 2$"));
        await carol.OpenConversationAsync("Weekend trip");
        await Expect(readBy).ToHaveTextAsync(new Regex("Read by 2 of 2$"));
        await readBy.ClickAsync();
        await Expect(alice.Message("Who is in for Saturday?").Locator(".readers")).ToContainTextAsync("Read by: Bob, Carol");

        await bob.SendAsync("Me!");
        await Expect(alice.Message("Me!")).ToContainTextAsync("Bob");

        // The owner renames the group; everyone sees the new name.
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Group info" }).ClickAsync();
        await TestBrowser.ScreenshotAsync(alice.Page, "group-info");
        await alice.Page.GetByRole(AriaRole.Region, new() { Name = "Group info" }).GetByLabel("Group name").FillAsync("Weekend trip 🏕");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(carol.Page.GetByRole(AriaRole.Heading, new() { Name = "Weekend trip 🏕" })).ToBeVisibleAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Heading, new() { Name = "Weekend trip 🏕" })).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(bob.Page, "group-chat");
        await TestBrowser.ScreenshotAsync(alice.Page, "group-chat");
    }
}
