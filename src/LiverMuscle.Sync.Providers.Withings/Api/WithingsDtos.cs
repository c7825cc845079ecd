using System.Text.Json.Serialization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// The paging header of a list answer, read apart from its records so a bad record cannot sink the page:
/// <c>updatetime</c> and <c>timezone</c> (the person's current IANA zone; getmeas only), <c>more</c> (an integer in
/// getmeas, a boolean in getworkouts; often missing on the last page) and <c>offset</c>.
/// </summary>
internal sealed record WithingsPageHeader(
    [property: JsonPropertyName("updatetime")] long? UpdateTime,
    [property: JsonPropertyName("more"), JsonConverter(typeof(FlexibleBoolConverter))] bool? More,
    [property: JsonPropertyName("offset")] long? Offset,
    [property: JsonPropertyName("timezone")] string? TimeZone = null);

/// <summary>
/// One measure group (a weigh-in). <c>modelid</c> is what real answers carry (the docs say model_id). Ids may come as
/// numbers or strings: <c>deviceid</c> through <see cref="JsonIdConverter"/>, the numeric ids through the context's
/// number handling.
/// </summary>
internal sealed record MeasureGroup(
    [property: JsonPropertyName("grpid")] long GrpId,
    [property: JsonPropertyName("attrib")] int Attrib,
    [property: JsonPropertyName("date")] long Date,
    [property: JsonPropertyName("created")] long? Created,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("category")] int? Category,
    [property: JsonPropertyName("deviceid"), JsonConverter(typeof(JsonIdConverter))] string? DeviceId,
    [property: JsonPropertyName("modelid")] int? ModelId,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("measures")] IReadOnlyList<Measure>? Measures);

/// <summary>One measure: real value = value × 10^unit.</summary>
internal sealed record Measure(
    [property: JsonPropertyName("value")] long? Value,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("unit")] int Unit,
    [property: JsonPropertyName("position")] int? Position);

internal sealed record Workout(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("category")] int Category,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("attrib")] int? Attrib,
    [property: JsonPropertyName("startdate")] long StartDate,
    [property: JsonPropertyName("enddate")] long EndDate,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("deviceid"), JsonConverter(typeof(JsonIdConverter))] string? DeviceId,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("data")] WorkoutData? Data);

/// <summary>The <c>data_fields</c> we ask for; absent, null or 0 when the device had none.</summary>
internal sealed record WorkoutData(
    [property: JsonPropertyName("calories")] double? Calories,
    [property: JsonPropertyName("hr_average")] double? HrAverage,
    [property: JsonPropertyName("pause_duration")] double? PauseDuration);

/// <summary>The body of a successful <c>requesttoken</c>. <c>userid</c> may come as a number or a string.</summary>
internal sealed record TokenBody(
    [property: JsonPropertyName("userid")] long UserId,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope)
{
    public override string ToString() => $"TokenBody {{ UserId = {UserId}, ExpiresIn = {ExpiresIn}, Scope = {Scope} }}";
}

internal sealed record NotifyListBody([property: JsonPropertyName("profiles")] IReadOnlyList<NotifyProfile>? Profiles);

internal sealed record NotifyProfile(
    [property: JsonPropertyName("appli")] int Appli,
    [property: JsonPropertyName("callbackurl")] string? CallbackUrl);
