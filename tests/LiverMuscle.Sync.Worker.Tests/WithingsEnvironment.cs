using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>The environment of an executable using a state file in a directory, a fresh InfluxDB database and the Withings sandbox.</summary>
internal static class WithingsEnvironment
{
    public static async Task<Dictionary<string, string>> ForAsync(DirectoryInfo directory, InfluxDbFixture influx, WithingsSandbox sandbox)
    {
        var environment = ConfigurationTests.StateIn(directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = await influx.NewDatabaseAsync("cli");
        environment["LIVERMUSCLE__Withings__ClientId"] = sandbox.ClientId;
        environment["LIVERMUSCLE__Withings__ClientSecret"] = sandbox.ClientSecret;
        environment["LIVERMUSCLE__Withings__ApiBaseUrl"] = sandbox.BaseUrl.ToString();
        environment["LIVERMUSCLE__Withings__AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString();
        return environment;
    }
}
