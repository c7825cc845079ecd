namespace LiverMuscle.Sync.Web.Services;

internal sealed record WeighIn(DateTimeOffset Time, double WeightKg, string? Source);
