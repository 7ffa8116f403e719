namespace ChatApp.Messaging.Tests.Support;

internal static class Users
{
    /// <summary>Several new users at once, known to Messaging, in the order of <paramref name="displayNames"/>.</summary>
    public static async Task<TestUser[]> CreateUsersAsync(this MessagingFixture fixture, params string[] displayNames) =>
        await Task.WhenAll(displayNames.Select(name => fixture.CreateUserAsync(name)));
}
