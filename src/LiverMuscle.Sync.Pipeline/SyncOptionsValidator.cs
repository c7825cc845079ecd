using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>The attribute rules of <see cref="SyncOptions"/>, then the jitter against the poll interval. <c>name</c> is the section's key.</summary>
internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new SyncOptionsAttributes().Validate(name, options));
        if (options.PollJitter > options.PollInterval)
        {
            result.AddError($"{name}:PollJitter must not be longer than {name}:PollInterval ({options.PollInterval}), got {options.PollJitter}.");
        }

        return result.Build();
    }
}
