using System.Globalization;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Bad input to any operation of the document gets a 4xx in time, never a 5xx (see <see cref="BadInputWalker"/>).</summary>
public sealed class BadInputTests(MessagingFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_bad_input_to_any_operation_gets_a_server_error_or_no_answer()
    {
        var users = await fixture.CreateUsersAsync("Owner", "Member");
        var group = await users[0].CreateGroupAsync("Walked", users[1]);
        var message = await users[0].SendAsync(group.Id, "first");
        var known = new Dictionary<string, string>
        {
            ["conversationId"] = group.Id.ToString(), ["userId"] = users[1].Id.ToString(), ["sequence"] = message.Sequence.ToString(CultureInfo.InvariantCulture),
        };

        var walk = await BadInputWalker.FindServerErrorsAsync(fixture.Primary.Address, fixture.Tokens.Issue(users[0].Id, users[0].Username), known, TestContext.Current.CancellationToken);

        output.WriteLine($"{walk.Requests} requests to {walk.Operations} operations, {walk.Failures.Count} failed.");
        Assert.True(walk.Operations >= 18, $"Only {walk.Operations} operations were walked.");
        Assert.True(walk.Failures.Count == 0, $"{walk.Failures.Count} of {walk.Requests} requests failed:\n{string.Join('\n', walk.Failures)}");
    }
}
