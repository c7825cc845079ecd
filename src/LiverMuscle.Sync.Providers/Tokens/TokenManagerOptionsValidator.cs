using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Tokens;

internal sealed class TokenManagerOptionsValidator : IValidateOptions<TokenManagerOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenManagerOptions options) =>
        options.RefreshMargin < TimeSpan.Zero || options.RefreshMargin > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"Sync:Tokens:RefreshMargin must be between 00:00:00 and 01:00:00, got '{options.RefreshMargin}'.")
            : ValidateOptionsResult.Success;
}
