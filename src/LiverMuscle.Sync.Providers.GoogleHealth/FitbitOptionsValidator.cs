using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

/// <summary>
/// The attribute rules of <see cref="FitbitOptions"/>, then every strength type's session kind. <c>name</c> is the
/// section's key. Addresses of the switched-off Fitbit Web API are not an error here: the connector reports them on
/// every sync, per user, without stopping the worker.
/// </summary>
internal sealed class FitbitOptionsValidator : IValidateOptions<FitbitOptions>
{
    public ValidateOptionsResult Validate(string? name, FitbitOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new FitbitOptionsAttributes().Validate(name, options));
        foreach (var (type, kind) in options.StrengthExerciseTypes.Where(t => string.IsNullOrWhiteSpace(t.Value)))
        {
            result.AddError($"{name}:StrengthExerciseTypes:{type} must name a session kind, got '{kind}'.");
        }

        return result.Build();
    }
}
