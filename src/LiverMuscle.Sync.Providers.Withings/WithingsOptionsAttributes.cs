using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings;

[OptionsValidator]
internal sealed partial class WithingsOptionsAttributes : IValidateOptions<WithingsOptions>;
