using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

internal sealed class MarkersOptionsValidator : IValidateOptions<MarkersOptions>
{
    public ValidateOptionsResult Validate(string? name, MarkersOptions options)
    {
        var failures = new List<string>();
        if (options.Fib4Window <= TimeSpan.Zero || options.Fib4Window > TimeSpan.FromDays(365))
        {
            failures.Add($"Markers:Fib4Window must be between 0 and 365 days, got {options.Fib4Window}.");
        }

        foreach (var (user, profile) in options.Users)
        {
            if (profile.Sex is not (null or "male" or "female"))
            {
                failures.Add($"Markers:Users:{user}:Sex must be 'male' or 'female', got '{profile.Sex}'.");
            }

            if (profile.HeightM is < 0.5 or > 2.5)
            {
                failures.Add($"Markers:Users:{user}:HeightM must be in metres (0.5–2.5), got {profile.HeightM}.");
            }

            if (profile.BirthDate is { Year: < 1900 })
            {
                failures.Add($"Markers:Users:{user}:BirthDate {profile.BirthDate} is before 1900.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
