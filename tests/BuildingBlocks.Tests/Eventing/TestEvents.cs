using ChatApp.Contracts;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

internal static class TestEvents
{
    /// <summary>Distinct events; tests share one broker, so each test recognises its own by user id.</summary>
    public static List<UserRegistered> Registrations(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new UserRegistered(Guid.NewGuid(), $"user{i}", $"User {i}", $"user{i}@example.test", "en", DateTimeOffset.UtcNow))
            .ToList();
}
