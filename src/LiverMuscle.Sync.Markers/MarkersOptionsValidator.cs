using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

/// <summary>The attribute rules of <see cref="MarkersOptions"/> and of every user's profile under its key. <c>name</c> is the section's key.</summary>
internal sealed class MarkersOptionsValidator : IValidateOptions<MarkersOptions>
{
    public ValidateOptionsResult Validate(string? name, MarkersOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new MarkersOptionsAttributes().Validate(name, options));
        var profiles = new MarkerUserProfileAttributes();
        foreach (var (user, profile) in options.Users)
        {
            result.AddResult(profiles.Validate($"{name}:Users:{user}", profile));
        }

        return result.Build();
    }
}
