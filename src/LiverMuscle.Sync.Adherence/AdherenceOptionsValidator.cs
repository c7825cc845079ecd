using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

internal sealed class AdherenceOptionsValidator : IValidateOptions<AdherenceOptions>
{
    public ValidateOptionsResult Validate(string? name, AdherenceOptions options)
    {
        var failures = new List<string>();
        Check("Adherence:Defaults", options.Defaults, failures);
        foreach (var (user, goals) in options.Users)
        {
            Check($"Adherence:Users:{user}", goals, failures);
        }

        if (options.RecomputeInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Adherence:RecomputeInterval must be at least 1 minute, got {options.RecomputeInterval}.");
        }

        if (options.RecomputeWeeks is < 1 or > 52)
        {
            failures.Add($"Adherence:RecomputeWeeks must be 1–52, got {options.RecomputeWeeks}.");
        }

        if (options.WeightLookback <= TimeSpan.Zero)
        {
            failures.Add($"Adherence:WeightLookback must be positive, got {options.WeightLookback}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string key, AdherenceGoals goals, List<string> failures)
    {
        if (goals.SessionsPerWeek is < 0 or > 21)
        {
            failures.Add($"{key}:SessionsPerWeek must be 0–21, got {goals.SessionsPerWeek}.");
        }

        if (goals.ProteinGPerKgPerDay is <= 0 or > 5)
        {
            failures.Add($"{key}:ProteinGPerKgPerDay must be above 0 and at most 5, got {goals.ProteinGPerKgPerDay}.");
        }

        if (goals.ResistanceMinutesPerWeek is < 0)
        {
            failures.Add($"{key}:ResistanceMinutesPerWeek must not be negative, got {goals.ResistanceMinutesPerWeek}.");
        }
    }
}
