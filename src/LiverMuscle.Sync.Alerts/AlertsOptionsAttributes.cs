using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

[OptionsValidator]
internal sealed partial class AlertsOptionsAttributes : IValidateOptions<AlertsOptions>;
