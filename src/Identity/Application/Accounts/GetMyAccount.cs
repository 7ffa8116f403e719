using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Accounts;

public sealed record MyAccount(Guid Id, string Username, string Email, string DisplayName, string Language, SecondFactor SecondFactor, IReadOnlyList<SecondFactor> AvailableFactors, DateTimeOffset CreatedAt);

/// <summary>My own account, with what only I may see (email, second factors).</summary>
public sealed class GetMyAccount(IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts)
{
    public async Task<MyAccount> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        return new MyAccount(user.Id, user.Username, user.Email, user.DisplayName, user.Language, user.SecondFactor, SecondFactors.Available(user), user.CreatedAt);
    }
}
