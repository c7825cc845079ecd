using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Pipeline;

internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Sync:PollInterval must be at least 00:01:00, got '{options.PollInterval}'.");
        }

        if (options.PollJitter < TimeSpan.Zero || options.PollJitter > options.PollInterval)
        {
            failures.Add($"Sync:PollJitter must be between 00:00:00 and Sync:PollInterval, got '{options.PollJitter}'.");
        }

        if (options.MaxConcurrentSyncs is < 1 or > 64)
        {
            failures.Add($"Sync:MaxConcurrentSyncs must be between 1 and 64, got {options.MaxConcurrentSyncs}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
