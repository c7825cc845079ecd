using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// How a data point is told apart: the last segment of its resource name, or — for a point without one (the proto
/// leaves <c>name</c> empty for many types) — its data type, its sample or start time and a digest of its data source,
/// which stay the same from read to read.
/// </summary>
internal static class DataPointIdentity
{
    public static string Of(DataPointDto point, string dataType, DateTimeOffset time) =>
        point.Name is { Length: > 0 } name
            ? name[(name.LastIndexOf('/') + 1)..]
            : string.Create(CultureInfo.InvariantCulture, $"{dataType}-{time.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Digest(SourceKey(point.DataSource), time)}");

    /// <summary>What logs and errors call the point: its resource name, else its derived identity.</summary>
    public static string Label(DataPointDto point, string dataType, DateTimeOffset time) =>
        point.Name is { Length: > 0 } name ? name : $"{dataType} point {Of(point, dataType, time)} (no name)";

    /// <summary>Everything the API says about a point's source, as one text: two points with the same key come from the same source.</summary>
    public static string SourceKey(DataSourceDto? source) => source is null
        ? string.Empty
        : string.Join(
            '|',
            source.Platform,
            source.RecordingMethod,
            source.Device?.FormFactor,
            source.Device?.Manufacturer,
            source.Device?.DisplayName,
            source.Application?.PackageName,
            source.Application?.WebClientId,
            source.Application?.GoogleWebClientId);

    private static string Digest(string sourceKey, DateTimeOffset time)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{sourceKey}|{time.UtcTicks}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
    }
}
