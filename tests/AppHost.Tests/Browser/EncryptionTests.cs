using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MySqlConnector;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// End-to-end encryption as someone with the whole server side would test it: people chat one to
/// one and in a group in real browsers, then every table of every service's database, every file
/// the servers wrote (MariaDB's pages and logs, RabbitMQ's logs) and every log line of every
/// resource are searched for the sentences they wrote. A member removed from a group gets no key
/// for what is sent after; a new browser reads the history after restoring the key backup.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class EncryptionTests(WholeSystemFixture system) : BrowserTest(system)
{
    private const string Passphrase = "purple elephants dance quietly";

    [Fact]
    public async Task No_server_holds_the_text_a_removed_member_gets_no_key_and_a_restored_backup_reads_the_history()
    {
        var nonce = Guid.NewGuid().ToString("N")[..10];
        string[] secrets = [$"the eagle lands at midnight {nonce}", $"copy that, bring the maps {nonce}", $"group plan is the old mill {nonce}", $"carol is gone, meet at noon {nonce}"];
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob");
        var carol = await SignedInAsync("Carol");

        await alice.OpenChatWithAsync(bob);
        await alice.SendAsync(secrets[0]);
        await bob.OpenConversationAsync("Alice");
        await Expect(bob.Message(secrets[0])).ToBeVisibleAsync();
        await bob.SendAsync(secrets[1]);
        await Expect(alice.Message(secrets[1])).ToBeVisibleAsync();

        // They compare safety numbers: both see the same 60 digits; Alice marks Bob verified.
        var alicesNumber = await SafetyNumberAsync(alice);
        var bobsNumber = await SafetyNumberAsync(bob);
        Assert.Equal(12, alicesNumber.Count);
        Assert.Equal(alicesNumber, bobsNumber);
        await bob.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await TestBrowser.ScreenshotAsync(alice.Page, "safety-number");
        await alice.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Mark as verified" }).ClickAsync();
        await Expect(alice.Page.GetByRole(AriaRole.Button, new() { Name = "Verified ✓" })).ToBeVisibleAsync();

        var groupId = await CreateGroupAsync(alice, "Old mill", bob, carol);
        await alice.SendAsync(secrets[2]);
        await carol.OpenConversationAsync("Old mill");
        await Expect(carol.Message(secrets[2])).ToBeVisibleAsync();
        await bob.OpenConversationAsync("Old mill");
        await Expect(bob.Message(secrets[2])).ToBeVisibleAsync();

        // Carol is removed; what follows is sealed for Alice and Bob only.
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Group info" }).ClickAsync();
        var info = alice.Page.GetByRole(AriaRole.Region, new() { Name = "Group info" });
        await info.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Carol" }).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(info.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Carol" })).ToHaveCountAsync(0);
        await alice.SendAsync(secrets[3]);
        await Expect(bob.Message(secrets[3])).ToBeVisibleAsync();
        var carolId = await UserIdAsync(carol);
        var lastEnvelope = await LastBodyAsync(groupId);
        Assert.DoesNotContain(carolId, lastEnvelope.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("to").GetString()));
        Assert.Equal(2, lastEnvelope.GetProperty("keys").GetArrayLength());

        // Bob backs up his keys; a fresh browser of his restores them and reads the history.
        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var encryption = bob.Page.GetByRole(AriaRole.Region, new() { Name = "End-to-end encryption" });
        await encryption.GetByLabel("Recovery passphrase", new() { Exact = true }).FillAsync(Passphrase);
        await encryption.GetByLabel("The passphrase again").FillAsync(Passphrase);
        await encryption.GetByRole(AriaRole.Button, new() { Name = "Save backup" }).ClickAsync();
        await Expect(encryption.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your keys are backed up.");

        var bobsNewBrowser = bob.OnAnotherDevice(await OpenAsync(width: 375));
        await bobsNewBrowser.SignInAsync();
        // The new browser made new keys: Alice is told, and Bob is no longer verified for her.
        await alice.OpenConversationAsync("Bob");
        await Expect(alice.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bob's security keys changed");
        await Expect(alice.Page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true })).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(alice.Page, "key-change");
        await bobsNewBrowser.OpenConversationAsync("Alice");
        await Expect(bobsNewBrowser.Page.GetByText("Encrypted for keys this browser does not have").First).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(bobsNewBrowser.Page, "encryption-no-keys");
        // On a phone the list (with Settings) is behind the open chat.
        await bobsNewBrowser.Page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
        await bobsNewBrowser.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var restore = bobsNewBrowser.Page.GetByRole(AriaRole.Region, new() { Name = "End-to-end encryption" });
        await restore.GetByLabel("Your recovery passphrase").FillAsync("not the passphrase");
        await restore.GetByRole(AriaRole.Button, new() { Name = "Restore keys" }).ClickAsync();
        await Expect(restore.GetByText("That passphrase does not open your backup.")).ToBeVisibleAsync();
        await restore.GetByLabel("Your recovery passphrase").FillAsync(Passphrase);
        await restore.GetByRole(AriaRole.Button, new() { Name = "Restore keys" }).ClickAsync();
        await Expect(restore.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your keys are restored: older messages can be read here again.");
        await TestBrowser.ScreenshotAsync(bobsNewBrowser.Page, "encryption-settings");
        await bobsNewBrowser.Page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
        await bobsNewBrowser.OpenConversationAsync("Alice");
        await Expect(bobsNewBrowser.Message(secrets[0])).ToBeVisibleAsync();
        await Expect(bobsNewBrowser.Message(secrets[1])).ToBeVisibleAsync();

        await AssertNowhereOnTheServersAsync(secrets);
    }

    /// <summary>Opens the safety number of the one-to-one chat on screen; returns its digit groups.</summary>
    private static async Task<IReadOnlyList<string>> SafetyNumberAsync(WebPerson person)
    {
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        var dialog = person.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Img, new() { Name = "The safety number as a QR code, to scan from the other phone" })).ToBeVisibleAsync();
        return await dialog.GetByLabel("Safety number").Locator("span").AllTextContentsAsync();
    }

    private static async Task<string> CreateGroupAsync(WebPerson owner, string name, params WebPerson[] members)
    {
        await owner.Page.GetByRole(AriaRole.Tab, new() { Name = "Chats" }).ClickAsync();
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "New group" }).ClickAsync();
        var dialog = owner.Page.GetByRole(AriaRole.Dialog, new() { Name = "New group" });
        await dialog.GetByLabel("Group name").FillAsync(name);
        foreach (var member in members)
        {
            await dialog.GetByLabel("Add people").FillAsync(member.Username);
            await dialog.GetByRole(AriaRole.Button).Filter(new() { HasText = member.Username }).ClickAsync();
        }
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(owner.Page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        return owner.Page.Url.Split("/c/")[1];
    }

    private async Task<string> UserIdAsync(WebPerson person)
    {
        await using var connection = await OpenAsync("identity-db");
        await using var command = new MySqlCommand("SELECT id FROM users WHERE username = @username", connection);
        command.Parameters.AddWithValue("@username", person.Username);
        return (await command.ExecuteScalarAsync())!.ToString()!;
    }

    private async Task<JsonElement> LastBodyAsync(string conversationId)
    {
        await using var connection = await OpenAsync("messaging-db");
        await using var command = new MySqlCommand("SELECT body FROM messages WHERE conversation_id = @id ORDER BY sequence DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("@id", conversationId);
        return JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement.Clone();
    }

    private async Task<MySqlConnection> OpenAsync(string database)
    {
        var connection = new MySqlConnection(await System.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    private async Task AssertNowhereOnTheServersAsync(IReadOnlyList<string> secrets)
    {
        List<string> found = [];
        void Search(string where, string text)
        {
            foreach (var secret in secrets.Where(secret => text.Contains(secret, StringComparison.Ordinal)))
                found.Add($"'{secret}' in {where}");
        }

        // Every row of every table of every service.
        var tables = 0;
        foreach (var database in new[] { "identity-db", "messaging-db", "calls-db", "notifications-db" })
        {
            await using var connection = await OpenAsync(database);
            List<string> names = [];
            await using (var list = new MySqlCommand("SHOW TABLES", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    names.Add(reader.GetString(0));
            foreach (var table in names)
            {
                tables++;
                await using var select = new MySqlCommand($"SELECT * FROM `{table}`", connection);
                await using var rows = await select.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                    for (var column = 0; column < rows.FieldCount; column++)
                        Search($"{database}.{table}", rows.GetValue(column) switch
                        {
                            byte[] bytes => Encoding.UTF8.GetString(bytes),
                            var value => Convert.ToString(value, global::System.Globalization.CultureInfo.InvariantCulture) ?? "",
                        });
            }
        }

        // Every file the servers wrote: MariaDB's data and logs, RabbitMQ's logs and queues, coturn, Redis.
        var files = 0;
        foreach (var file in Directory.EnumerateFiles(System.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file);
            }
            catch (IOException)
            {
                continue; // A socket or a file held exclusively: not data at rest.
            }
            files++;
            Search(file, Encoding.UTF8.GetString(content));
        }

        // Every console line of every resource of the run (services, MariaDB, RabbitMQ, Redis, coturn, smtp4dev).
        var lines = 0;
        foreach (var (resource, line) in System.LogLines)
        {
            lines++;
            Search($"the log of {resource}", line);
        }

        var perResource = string.Join(", ", System.LogLines.GroupBy(entry => entry.Resource).Select(group => $"{group.Key} {group.Count()}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"Searched {tables} tables, {files} files and {lines} log lines ({perResource}).");
        Assert.True(tables > 20 && files > 10 && lines > 0, $"The search looked at too little: {tables} tables, {files} files, {lines} log lines.");
        Assert.True(found.Count == 0, "Plaintext found on the server side:\n" + string.Join('\n', found));
    }
}
