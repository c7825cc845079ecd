using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings;

/// <summary>The attribute rules of <see cref="WithingsOptions"/>, then the session kinds of the workout categories. <c>name</c> is the section's key.</summary>
internal sealed class WithingsOptionsValidator : IValidateOptions<WithingsOptions>
{
    public ValidateOptionsResult Validate(string? name, WithingsOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new WithingsOptionsAttributes().Validate(name, options));
        foreach (var (category, kind) in options.WorkoutCategories.Where(c => string.IsNullOrWhiteSpace(c.Value)))
        {
            result.AddError($"{name}:WorkoutCategories:{category} must name a session kind, got '{kind}'.");
        }

        return result.Build();
    }
}
