using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Rules;

[OptionsValidator]
internal sealed partial class AlertRuleOptionsAttributes : IValidateOptions<AlertRuleOptions>;
