using ChatApp.Notifications.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>Bad input to any operation of the document gets a 4xx in time, never a 5xx (see <see cref="BadInputWalker"/>).</summary>
public sealed class BadInputTests(NotificationsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_bad_input_to_any_operation_gets_a_server_error_or_no_answer()
    {
        var user = await fixture.RegisterAsync("Walker");

        var walk = await BadInputWalker.FindServerErrorsAsync(fixture.ServiceAddress, fixture.TokenFor(user.Id), null, TestContext.Current.CancellationToken);

        output.WriteLine($"{walk.Requests} requests to {walk.Operations} operations, {walk.Failures.Count} failed.");
        Assert.True(walk.Operations >= 4, $"Only {walk.Operations} operations were walked.");
        Assert.True(walk.Failures.Count == 0, $"{walk.Failures.Count} of {walk.Requests} requests failed:\n{string.Join('\n', walk.Failures)}");
    }
}
