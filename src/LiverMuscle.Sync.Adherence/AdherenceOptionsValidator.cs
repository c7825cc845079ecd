using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>The attribute rules of <see cref="AdherenceOptions"/>, of the default goals and of every user's goals under its key. <c>name</c> is the section's key.</summary>
internal sealed class AdherenceOptionsValidator : IValidateOptions<AdherenceOptions>
{
    public ValidateOptionsResult Validate(string? name, AdherenceOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        var goals = new AdherenceGoalsAttributes();
        result.AddResult(goals.Validate($"{name}:Defaults", options.Defaults));
        foreach (var (user, own) in options.Users)
        {
            result.AddResult(goals.Validate($"{name}:Users:{user}", own));
        }

        result.AddResult(new AdherenceOptionsAttributes().Validate(name, options));
        return result.Build();
    }
}
