using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

/// <summary>Bad input to any operation of the document gets a 4xx in time, never a 5xx (see <see cref="BadInputWalker"/>).</summary>
public sealed class BadInputTests(IdentityFixture identity, ITestOutputHelper output)
{
    [Fact]
    public async Task No_bad_input_to_any_operation_gets_a_server_error_or_no_answer()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);

        using var other = identity.NewClient();
        var challengeId = await other.StartSignInAsync(account.Username, account.Password);
        var known = new Dictionary<string, string> { ["userId"] = account.Id.ToString(), ["challengeId"] = challengeId.ToString() };

        var walk = await BadInputWalker.FindServerErrorsAsync(identity.IdentityAddress, client.AccessToken!, known, TestContext.Current.CancellationToken);

        output.WriteLine($"{walk.Requests} requests to {walk.Operations} operations, {walk.Failures.Count} failed.");
        Assert.True(walk.Operations >= 30, $"Only {walk.Operations} operations were walked.");
        Assert.True(walk.Failures.Count == 0, $"{walk.Failures.Count} of {walk.Requests} requests failed:\n{string.Join('\n', walk.Failures)}");
    }
}
