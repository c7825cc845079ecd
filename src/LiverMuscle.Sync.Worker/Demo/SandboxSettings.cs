using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>The settings that point a worker's Withings and Fitbit connectors at running sandboxes.</summary>
internal static class SandboxSettings
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(WithingsSandbox withings, GoogleHealthSandbox google) =>
    [
        new("Withings:ClientId", withings.ClientId),
        new("Withings:ClientSecret", withings.ClientSecret),
        new("Withings:ApiBaseUrl", withings.BaseUrl.ToString()),
        new("Withings:AuthorizeUrl", withings.AuthorizeUrl.ToString()),
        new("Withings:TokenUrl", new Uri(withings.BaseUrl, "v2/oauth2").ToString()),
        new("Fitbit:ClientId", google.ClientId),
        new("Fitbit:ClientSecret", google.ClientSecret),
        new("Fitbit:ApiBaseUrl", google.BaseUrl.ToString()),
        new("Fitbit:AuthorizeUrl", google.AuthorizeUrl.ToString()),
        new("Fitbit:TokenUrl", google.TokenUrl.ToString()),
    ];
}
