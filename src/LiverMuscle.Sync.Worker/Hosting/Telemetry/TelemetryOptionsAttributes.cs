using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting.Telemetry;

[OptionsValidator]
internal sealed partial class TelemetryOptionsAttributes : IValidateOptions<TelemetryOptions>;
