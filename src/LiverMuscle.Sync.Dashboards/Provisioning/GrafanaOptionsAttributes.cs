using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

[OptionsValidator]
internal sealed partial class GrafanaOptionsAttributes : IValidateOptions<GrafanaOptions>;
