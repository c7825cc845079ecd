using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

[OptionsValidator]
internal sealed partial class AdherenceOptionsAttributes : IValidateOptions<AdherenceOptions>;
