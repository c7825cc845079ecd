using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Pipeline;

[OptionsValidator]
internal sealed partial class SyncOptionsAttributes : IValidateOptions<SyncOptions>;
