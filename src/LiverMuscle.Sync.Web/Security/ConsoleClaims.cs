using System.Security.Claims;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>The two kinds of console session: the operator's, and an invited person's, limited to that person.</summary>
internal static class ConsoleClaims
{
    public const string OperatorRole = "operator";

    /// <summary>The id of the one person an invite session may act for.</summary>
    public const string PersonClaim = "livermuscle:person";

    public const string OperatorPolicy = "console-operator";
    public const string PersonPolicy = "console-person";
    public const string SessionPolicy = "console-session";

    public static ClaimsPrincipal Operator(string name, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, OperatorRole)], scheme));

    public static ClaimsPrincipal Person(string personId, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "invite:" + personId), new Claim(PersonClaim, personId)], scheme));

    public static bool IsOperator(this ClaimsPrincipal user) => user.IsInRole(OperatorRole);

    /// <summary>The person an invite session is limited to; null for the operator.</summary>
    public static string? InvitedPerson(this ClaimsPrincipal user) => user.FindFirstValue(PersonClaim);

    /// <summary>Whether this session may act for <paramref name="personId"/>: the operator for anyone, an invite session for its own person.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string personId) =>
        user.IsOperator() || string.Equals(user.InvitedPerson(), personId, StringComparison.Ordinal);
}
