namespace LiverMuscle.Sync.Web.Services;

public sealed record WeighIn(DateTimeOffset Time, double WeightKg, string? Source);
