using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>Bad input to any operation of the document gets a 4xx in time, never a 5xx (see <see cref="BadInputWalker"/>).</summary>
public sealed class BadInputTests(CallsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_bad_input_to_any_operation_gets_a_server_error_or_no_answer()
    {
        var user = await fixture.CreatePersonAsync();

        var walk = await BadInputWalker.FindServerErrorsAsync(fixture.Primary.Address, fixture.Tokens.Issue(user.Id, user.Username), null, TestContext.Current.CancellationToken);

        output.WriteLine($"{walk.Requests} requests to {walk.Operations} operations, {walk.Failures.Count} failed.");
        Assert.True(walk.Operations >= 5, $"Only {walk.Operations} operations were walked.");
        Assert.True(walk.Failures.Count == 0, $"{walk.Failures.Count} of {walk.Requests} requests failed:\n{string.Join('\n', walk.Failures)}");
    }
}
