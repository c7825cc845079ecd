using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Notifications.Email;

[OptionsValidator]
internal sealed partial class EmailOptionsAttributes : IValidateOptions<EmailOptions>;
