using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>Sign-in challenges (the state between the password and the second factor), inside a unit of work.</summary>
public interface ISignInChallenges
{
    Task AddAsync(IUnitOfWork unitOfWork, SignInChallenge challenge, Client client, CancellationToken cancellationToken);

    /// <summary>Loads and locks the challenge, so that two concurrent code entries are counted one after the other.</summary>
    Task<SignInChallenge?> LockAsync(IUnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken);

    Task UpdateAsync(IUnitOfWork unitOfWork, SignInChallenge challenge, CancellationToken cancellationToken);
}
