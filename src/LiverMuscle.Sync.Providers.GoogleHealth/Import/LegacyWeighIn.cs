namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// A record of <c>weight-*.json</c> as written: the weight in the account's unit (which the file does not name), the
/// BMI Fitbit computed from it, body fat in percent, the local date and time, and where it came from.
/// </summary>
internal sealed record LegacyWeighIn(string LogId, string LocalTime, double Weight, double? Bmi, double? FatPct, string? Source);
