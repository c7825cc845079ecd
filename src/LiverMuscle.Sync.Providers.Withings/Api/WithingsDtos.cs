using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>The body of a getmeas answer. <c>more</c>/<c>offset</c> are often missing on the last page.</summary>
/// <summary>The paging header of a getmeas answer, read apart from the groups so a bad group cannot sink the page.</summary>
public sealed record MeasureBodyHeader(
    [property: JsonPropertyName("updatetime")] long? UpdateTime,
    [property: JsonPropertyName("more"), JsonConverter(typeof(FlexibleBoolConverter))] bool? More,
    [property: JsonPropertyName("offset")] long? Offset);

public sealed record MeasureBody(
    [property: JsonPropertyName("updatetime")] long? UpdateTime,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("measuregrps")] IReadOnlyList<MeasureGroup>? MeasureGroups,
    [property: JsonPropertyName("more"), JsonConverter(typeof(FlexibleBoolConverter))] bool? More,
    [property: JsonPropertyName("offset")] long? Offset);

/// <summary>One measure group (a weigh-in). <c>modelid</c> is what real answers carry (the docs say model_id).</summary>
public sealed record MeasureGroup(
    [property: JsonPropertyName("grpid")] long GrpId,
    [property: JsonPropertyName("attrib")] int Attrib,
    [property: JsonPropertyName("date")] long Date,
    [property: JsonPropertyName("created")] long? Created,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("category")] int? Category,
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("modelid")] int? ModelId,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("measures")] IReadOnlyList<Measure>? Measures);

/// <summary>One measure: real value = value × 10^unit.</summary>
public sealed record Measure(
    [property: JsonPropertyName("value")] long? Value,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("unit")] int Unit,
    [property: JsonPropertyName("position")] int? Position);

/// <summary>The body of a getworkouts answer; <c>more</c> is a boolean here.</summary>
public sealed record WorkoutsBody(
    [property: JsonPropertyName("series")] IReadOnlyList<Workout>? Series,
    [property: JsonPropertyName("more"), JsonConverter(typeof(FlexibleBoolConverter))] bool? More,
    [property: JsonPropertyName("offset")] long? Offset);

public sealed record Workout(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("category")] int Category,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("attrib")] int? Attrib,
    [property: JsonPropertyName("startdate")] long StartDate,
    [property: JsonPropertyName("enddate")] long EndDate,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("data")] WorkoutData? Data);

/// <summary>The <c>data_fields</c> we ask for; absent, null or 0 when the device had none.</summary>
public sealed record WorkoutData(
    [property: JsonPropertyName("calories")] double? Calories,
    [property: JsonPropertyName("hr_average")] double? HrAverage,
    [property: JsonPropertyName("pause_duration")] double? PauseDuration);

/// <summary>The body of a successful <c>requesttoken</c>. <c>userid</c> may come as a number or a string.</summary>
public sealed record TokenBody(
    [property: JsonPropertyName("userid")] long UserId,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope)
{
    public override string ToString() => $"TokenBody {{ UserId = {UserId}, ExpiresIn = {ExpiresIn}, Scope = {Scope} }}";
}

public sealed record NotifyListBody([property: JsonPropertyName("profiles")] IReadOnlyList<NotifyProfile>? Profiles);

public sealed record NotifyProfile(
    [property: JsonPropertyName("appli")] int Appli,
    [property: JsonPropertyName("callbackurl")] string? CallbackUrl);
