using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Push;

[OptionsValidator]
internal sealed partial class PushOptionsValidator : IValidateOptions<PushOptions>;
