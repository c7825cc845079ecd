using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Tokens;

[OptionsValidator]
internal sealed partial class TokenManagerOptionsValidator : IValidateOptions<TokenManagerOptions>;
