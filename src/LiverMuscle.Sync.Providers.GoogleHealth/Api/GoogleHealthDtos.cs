using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// One data point of a list answer: its resource name (optional in the proto: real weight and body-fat points written
/// through Health Connect come without one), where it came from, and exactly one payload. Enums stay strings (the API
/// adds values), int64 arrive as strings, durations as <c>"123s"</c>.
/// </summary>
internal sealed record DataPointDto
{
    public string? Name { get; init; }

    public DataSourceDto? DataSource { get; init; }

    public ExerciseDto? Exercise { get; init; }

    public NutritionLogDto? NutritionLog { get; init; }

    public WeightDto? Weight { get; init; }

    public BodyFatDto? BodyFat { get; init; }
}

/// <summary>Who recorded a point: the device, the app and the platform it came through, and how.</summary>
internal sealed record DataSourceDto(string? RecordingMethod, string? Platform, DeviceDto? Device = null, ApplicationDto? Application = null);

internal sealed record DeviceDto(string? FormFactor, string? Manufacturer, string? DisplayName);

internal sealed record ApplicationDto(string? PackageName, string? WebClientId, string? GoogleWebClientId);

/// <summary>A session's interval; only the start is required (food entries may come without an end).</summary>
internal sealed record SessionIntervalDto
{
    [JsonRequired]
    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset StartTime { get; init; }

    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? StartUtcOffset { get; init; }

    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? EndTime { get; init; }
}

internal sealed record SampleTimeDto
{
    [JsonRequired]
    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset PhysicalTime { get; init; }

    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? UtcOffset { get; init; }
}

internal sealed record ExerciseDto
{
    [JsonRequired]
    public SessionIntervalDto Interval { get; init; } = null!;

    [JsonRequired]
    public string ExerciseType { get; init; } = string.Empty;

    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? ActiveDuration { get; init; }

    public MetricsSummaryDto? MetricsSummary { get; init; }
}

internal sealed record MetricsSummaryDto(double? CaloriesKcal, long? AverageHeartRateBeatsPerMinute);

internal sealed record NutritionLogDto
{
    [JsonRequired]
    public SessionIntervalDto Interval { get; init; } = null!;

    public EnergyDto? Energy { get; init; }

    public MassDto? TotalCarbohydrate { get; init; }

    public MassDto? TotalFat { get; init; }

    public IReadOnlyList<NutrientDto>? Nutrients { get; init; }
}

internal sealed record EnergyDto(double? Kcal);

internal sealed record MassDto(double? Grams);

internal sealed record NutrientDto(string? Nutrient, MassDto? Quantity);

internal sealed record WeightDto
{
    [JsonRequired]
    public SampleTimeDto SampleTime { get; init; } = null!;

    [JsonRequired]
    public double WeightGrams { get; init; }
}

internal sealed record BodyFatDto
{
    [JsonRequired]
    public SampleTimeDto SampleTime { get; init; } = null!;

    [JsonRequired]
    public double Percentage { get; init; }
}

internal sealed record IdentityDto(string? HealthUserId, string? LegacyUserId);

internal sealed record SettingsDto(string? TimeZone);

internal sealed record TokenResponseDto(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
