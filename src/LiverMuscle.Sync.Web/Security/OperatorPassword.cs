using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.Identity;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// The operator's password as a salted hash (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, PBKDF2) in
/// the state store, itself encrypted at rest there. Set by <c>console set-password</c>; never stored or logged in clear.
/// </summary>
public sealed class OperatorPassword(IKeyValueStore store)
{
    /// <summary>The account name failures are counted against.</summary>
    public const string AccountName = "operator";

    public const int MinimumLength = 12;

    private const string Key = "console/operator-password";

    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Null when the password can be used, else the line saying why not.</summary>
    public static string? Problem(string password) =>
        password.Length < MinimumLength ? $"The password must have at least {MinimumLength} characters." :
        password.Any(char.IsControl) ? "The password must not contain control characters." : null;

    public async Task SetAsync(string password, CancellationToken cancellationToken)
    {
        if (Problem(password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(password));
        }

        await store.SetAsync(Key, Hasher.HashPassword(AccountName, password), secret: true, cancellationToken);
    }

    public async Task<bool> IsSetAsync(CancellationToken cancellationToken) => await store.GetAsync(Key, cancellationToken) is not null;

    public async Task<bool> VerifyAsync(string password, CancellationToken cancellationToken) =>
        await store.GetAsync(Key, cancellationToken) is { } hash &&
        Hasher.VerifyHashedPassword(AccountName, hash, password) != PasswordVerificationResult.Failed;
}
