using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Alerts.Notifications.Email;

/// <summary>An e-mail address MimeKit can send to.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MailboxAddressAttribute : SettingAttribute
{
    public static bool IsAddress(string? text) => MimeKit.MailboxAddress.TryParse(text, out _);

    protected override string? Problem(object? value) => IsAddress(value as string) ? null : $"'{value}' is not an e-mail address.";
}
