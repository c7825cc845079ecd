using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

[OptionsValidator]
internal sealed partial class FitbitOptionsAttributes : IValidateOptions<FitbitOptions>;
