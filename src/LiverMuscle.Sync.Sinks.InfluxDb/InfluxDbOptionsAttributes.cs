using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

[OptionsValidator]
internal sealed partial class InfluxDbOptionsAttributes : IValidateOptions<InfluxDbOptions>;
