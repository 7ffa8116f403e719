namespace ChatApp.Calls.Application.Users;

/// <summary>The names of the people Calls knows, kept from Identity's events.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<Guid, Person>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

/// <summary>A person as a call shows them.</summary>
public sealed record Person(Guid Id, string Username, string DisplayName)
{
    /// <summary>For an id Calls has not heard of yet (its event is still on the way).</summary>
    public static Person Unknown(Guid id) => new(id, "", "");
}
