using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Infrastructure.Secrets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// Someone who reads sign_in_challenges (a stolen backup, another service's user taken over) cannot
/// recover a live emailed code from its hash: six digits are a million guesses, so the hash is keyed
/// with a secret that is itself in the database only encrypted.
/// </summary>
public sealed class SignInCodeAtRestTests(IdentityFixture identity)
{
    [Fact]
    public async Task A_stored_code_hash_does_not_give_up_the_code_to_a_million_guesses_yet_the_code_signs_in()
    {
        var account = await identity.RegisterAsync();
        using var client = identity.NewClient();
        var challengeId = await client.StartSignInAsync(account.Username, account.Password);
        var code = identity.OpenCode(await identity.Events.WaitForAsync("SignInCodeRequested", e => e.GetProperty("challengeId").GetGuid() == challengeId));

        await using (var db = await identity.OpenDatabaseAsync())
        {
            var row = await db.QuerySingleAsync<(Guid Id, byte[] CodeHash)>("SELECT id, code_hash FROM sign_in_challenges WHERE id = @challengeId", new { challengeId });
            Assert.Null(BruteForce(row.Id, row.CodeHash));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.EnterCodeAsync(challengeId, code)).StatusCode);
    }

    [Fact]
    public async Task The_code_key_is_in_the_database_only_encrypted_and_is_the_key_the_stored_hashes_use()
    {
        var account = await identity.RegisterAsync();
        using var client = identity.NewClient();
        var challengeId = await client.StartSignInAsync(account.Username, account.Password);
        var code = identity.OpenCode(await identity.Events.WaitForAsync("SignInCodeRequested", e => e.GetProperty("challengeId").GetGuid() == challengeId));
        var key = await identity.IdentityServices.GetRequiredService<ISignInCodeKey>().GetAsync(CancellationToken.None);

        await using var db = await identity.OpenDatabaseAsync();
        var stored = await db.QuerySingleAsync<byte[]>("SELECT secret FROM hmac_keys WHERE purpose = @purpose", new { purpose = SignInCodeKey.Purpose });
        var codeHash = await db.QuerySingleAsync<byte[]>("SELECT code_hash FROM sign_in_challenges WHERE id = @challengeId", new { challengeId });

        Assert.Equal(32, key.Length);
        Assert.False(SecretsAtRestTests.Holds(stored, key), "The sign-in code key is in the database in clear.");
        Assert.Equal(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{challengeId:N}:{code}")), codeHash);
    }

    /// <summary>What the previous unkeyed hash, SHA-256("id:code"), gave away in under a second.</summary>
    private static string? BruteForce(Guid challengeId, byte[] codeHash)
    {
        Span<byte> hash = stackalloc byte[32];
        for (var guess = 0; guess < 1_000_000; guess++)
        {
            var candidate = guess.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            SHA256.HashData(Encoding.UTF8.GetBytes($"{challengeId:N}:{candidate}"), hash);
            if (hash.SequenceEqual(codeHash))
                return candidate;
        }

        return null;
    }
}
