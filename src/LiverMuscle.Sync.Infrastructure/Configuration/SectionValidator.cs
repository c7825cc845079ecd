using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>Calls <paramref name="validator"/> with the section's key as the options name, so its messages name full keys.</summary>
internal sealed class SectionValidator<TOptions>(string key, IValidateOptions<TOptions> validator) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) => validator.Validate(key, options);
}
