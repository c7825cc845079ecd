using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Summary;

[OptionsValidator]
internal sealed partial class WeeklySummaryOptionsAttributes : IValidateOptions<WeeklySummaryOptions>;
