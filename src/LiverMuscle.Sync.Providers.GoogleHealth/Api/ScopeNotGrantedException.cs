namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>Google Health refused a data type for a scope the grant lacks: that data type is skipped, the others sync.</summary>
internal sealed class ScopeNotGrantedException(string dataType, GoogleHealthResponse response)
    : Exception($"Google Health refused {dataType} for a missing scope: {response.Describe()}")
{
    public string DataType { get; } = dataType;
}
