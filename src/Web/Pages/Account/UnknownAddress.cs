using Cooperation.Contracts.People;
using Microsoft.AspNetCore.Identity;
using SignInResult = Cooperation.Contracts.People.SignInResult;

namespace Cooperation.Web.Pages.Account;

/// <summary>
/// The answer to a sign-in for an address no account holds: refused, after as much work as a wrong
/// password costs (one hash check of the same kind the account grain makes), so the time taken does
/// not tell which addresses have accounts.
/// </summary>
internal static class UnknownAddress
{
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string Decoy = Hasher.HashPassword("", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>Refuses, after checking <paramref name="password"/> against a decoy hash off the request's thread.</summary>
    public static async Task<SignInResult> RefuseAsync(string password)
    {
        await Task.Run(() => Hasher.VerifyHashedPassword("", Decoy, password));
        return SignInResult.Refused;
    }
}
