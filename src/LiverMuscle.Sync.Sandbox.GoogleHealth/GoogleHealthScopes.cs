namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>The Google Health OAuth scopes the sandbox knows.</summary>
internal static class GoogleHealthScopes
{
    public const string Prefix = "https://www.googleapis.com/auth/googlehealth";
    public const string ActivityAndFitness = Prefix + ".activity_and_fitness.readonly";
    public const string HealthMetrics = Prefix + ".health_metrics_and_measurements.readonly";
    public const string Nutrition = Prefix + ".nutrition.readonly";
    public const string Sleep = Prefix + ".sleep.readonly";
    public const string Settings = Prefix + ".settings.readonly";
    public const string Profile = Prefix + ".profile.readonly";
    public const string CloudPlatform = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>The three read scopes the worker needs.</summary>
    public static readonly IReadOnlyList<string> Read = [ActivityAndFitness, HealthMetrics, Nutrition];

    private static readonly HashSet<string> Suffixes =
    [
        "activity_and_fitness", "health_metrics_and_measurements", "nutrition", "sleep", "profile", "settings",
        "logged_symptoms", "mindfulness", "reproductive_health",
    ];

    private static readonly HashSet<string> ReadOnlyOnly = ["location", "ecg", "irn"];

    /// <summary>Whether Google would accept this scope string in an authorization request.</summary>
    public static bool IsKnown(string scope)
    {
        if (scope is CloudPlatform or "openid" or "email" or "profile"
            or "https://www.googleapis.com/auth/userinfo.email" or "https://www.googleapis.com/auth/userinfo.profile")
        {
            return true;
        }

        if (!scope.StartsWith(Prefix + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = scope[(Prefix.Length + 1)..];
        var dot = rest.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var (family, access) = (rest[..dot], rest[(dot + 1)..]);
        return (Suffixes.Contains(family) && access is "readonly" or "writeonly") || (ReadOnlyOnly.Contains(family) && access == "readonly");
    }
}
