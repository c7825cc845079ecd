using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

[OptionsValidator]
internal sealed partial class RemindersOptionsAttributes : IValidateOptions<RemindersOptions>;
