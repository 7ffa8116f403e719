using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.Testing;
using ChatApp.Testing;
using MySqlConnector;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// A sign-in code exists in clear only on its way into the email: once the email has gone, it is
/// in no column of any service's database, in no file the servers keep (database pages and redo
/// log, the broker's message store) and in no line the servers and services logged.
/// </summary>
public sealed class SignInCodeAtRestTests(WholeSystemFixture system, ITestOutputHelper output)
{
    private int _columns;
    private int _files;
    private int _logLines;

    [Fact]
    public async Task Once_the_code_email_has_gone_the_code_is_in_no_database_no_server_file_and_no_log()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var (username, email) = await SystemUsers.RegisterAsync(gateway, "Rest Tester");
        var challenge = await SystemUsers.StartSignInAsync(gateway, username);
        var codeEmail = await SystemUsers.WaitForEmailAsync(inbox, email, subject => subject.EndsWith("is your ChatApp sign-in code", StringComparison.Ordinal));
        var code = SystemUsers.CodeIn(codeEmail.Subject);
        // The code works: it is the one Identity issued, not some other six digits.
        var signedIn = await gateway.PostAsJsonAsync(new Uri($"/api/identity/sign-in/{challenge}/code", UriKind.Relative), new { code });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        await Eventually.HoldsAsync(() => EmailRecordedAsSentAsync(email), TimeSpan.FromSeconds(30),
            () => $"Notifications never recorded the sign-in email to {email} as sent");

        List<string> found = [.. await InDatabasesAsync(code), .. InServerFiles(code), .. InLogs(code)];

        var perResource = string.Join(", ", system.LogLines.GroupBy(line => line.Resource).Select(group => $"{group.Key} {group.Count()}"));
        output.WriteLine($"Searched {_columns} columns, {_files} files and {_logLines} log lines ({perResource}) for {code}.");
        foreach (var place in found)
            output.WriteLine(place);
        Assert.True(_columns > 50 && _files > 10 && _logLines > 100, "The search looked at too little.");
        Assert.True(found.Count == 0, $"The sign-in code {code} is still kept in clear in:\n{string.Join('\n', found)}");
    }

    private async Task<bool> EmailRecordedAsSentAsync(string email)
    {
        await using var connection = await OpenAsync("notifications-db");
        await using var command = new MySqlCommand(
            "SELECT COUNT(*) FROM outgoing_emails WHERE to_address = @email AND kind = 'sign-in-code' AND status = 'sent'", connection);
        command.Parameters.AddWithValue("@email", email);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>
    /// Every text and binary column of every table of the four services' databases (numbers and
    /// times are left out: a time's microseconds are six digits too).
    /// </summary>
    private async Task<List<string>> InDatabasesAsync(string code)
    {
        var found = new List<string>();
        var searched = new List<string>();
        foreach (var database in new[] { "identity-db", "messaging-db", "calls-db", "notifications-db" })
        {
            await using var connection = await OpenAsync(database);
            var columns = new List<(string Table, string Column)>();
            await using (var list = new MySqlCommand("""
                SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
                JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
                WHERE c.TABLE_SCHEMA = DATABASE() AND c.DATA_TYPE IN
                  ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'enum', 'set',
                   'binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob')
                """, connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    columns.Add((reader.GetString(0), reader.GetString(1)));
            }

            foreach (var (table, column) in columns)
            {
                searched.Add($"{connection.Database}.{table}.{column}");
                _columns++;
                await using var search = new MySqlCommand(
                    $"SELECT CAST(`{column}` AS BINARY) FROM `{table}` WHERE INSTR(CAST(`{column}` AS BINARY), @code) > 0", connection);
                search.Parameters.AddWithValue("@code", code);
                await using var reader = await search.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (Excerpt((byte[])reader.GetValue(0), code) is { } excerpt)
                        found.Add($"{connection.Database}.{table}.{column}: …{excerpt}…");
                }
            }
        }
        Assert.Contains("chatapp_identity.outbox_messages.body", searched);
        Assert.Contains("chatapp_notifications.outgoing_emails.subject", searched);
        return found;
    }

    private async Task<MySqlConnection> OpenAsync(string database)
    {
        var connection = new MySqlConnection(await system.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// The files of the servers the AppHost runs. Left out: the development inbox (smtp4dev), which
    /// stands for the user's mailbox the code is sent to, and MariaDB's own system schema.
    /// </summary>
    private IEnumerable<string> InServerFiles(string code)
    {
        var mailbox = Path.Combine(system.DataDirectory, "smtp4dev") + Path.DirectorySeparatorChar;
        var systemSchema = Path.Combine(system.DataDirectory, "mariadb", "mysql") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(system.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(mailbox, StringComparison.Ordinal) && !file.StartsWith(systemSchema, StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, file => Path.GetFileName(file) == "ib_logfile0");
        foreach (var file in files)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue; // a socket, or a file the server removed while we listed them
            }
            _files++;
            if (Excerpt(content, code) is { } excerpt)
                yield return $"{Path.GetRelativePath(system.DataDirectory, file)}: …{excerpt}…";
        }
    }

    /// <summary>Every console line of every resource but the development inbox (the mailbox the code is sent to).</summary>
    private IEnumerable<string> InLogs(string code)
    {
        foreach (var (resource, line) in system.LogLines.Where(line => line.Resource != "smtp4dev"))
        {
            _logLines++;
            if (Excerpt(Encoding.UTF8.GetBytes(line), code) is not null)
                yield return $"log of {resource}: {line}";
        }
    }

    /// <summary>
    /// The code standing alone (no letter or digit either side: a longer number or a hex id that
    /// happens to contain the six digits is not it), with a little of what surrounds it; null if absent.
    /// </summary>
    private static string? Excerpt(byte[] haystack, string code)
    {
        var needle = Encoding.ASCII.GetBytes(code);
        for (var from = 0; from <= haystack.Length - needle.Length;)
        {
            var at = haystack.AsSpan(from).IndexOf(needle);
            if (at < 0)
                return null;
            at += from;
            var before = at == 0 || !char.IsAsciiLetterOrDigit((char)haystack[at - 1]);
            var after = at + needle.Length == haystack.Length || !char.IsAsciiLetterOrDigit((char)haystack[at + needle.Length]);
            if (before && after)
            {
                var start = Math.Max(0, at - 40);
                var excerpt = Encoding.ASCII.GetString(haystack, start, Math.Min(haystack.Length, at + needle.Length + 40) - start);
                return new string([.. excerpt.Select(c => char.IsControl(c) || c > '~' ? '.' : c)]);
            }
            from = at + 1;
        }
        return null;
    }
}
