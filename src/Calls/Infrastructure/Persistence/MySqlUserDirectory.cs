using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Calls.Application.Users;
using Dapper;

namespace ChatApp.Calls.Infrastructure.Persistence;

/// <summary>The names Calls keeps of people (see <see cref="BuildingBlocks.Projections.RememberUser"/>).</summary>
internal sealed class MySqlUserDirectory(ServiceDatabase database) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, Person>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var people = await connection.QueryAsync<Person>(new CommandDefinition(
            "SELECT id, username, display_name FROM users WHERE id IN @userIds", new { userIds }, cancellationToken: cancellationToken));
        return people.ToDictionary(person => person.Id);
    }
}
