using LiverMuscle.Sync.Alerts.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>The attribute rules, whole days for the repeat, and notifier names that exist in <paramref name="alerts"/> (the <c>Alerts</c> section).</summary>
internal sealed class RemindersOptionsValidator(IConfiguration alerts) : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new RemindersOptionsAttributes().Validate(name, options));
        if (options.OverdueRepeatInterval.Ticks % TimeSpan.TicksPerDay != 0)
        {
            result.AddError($"{name}:OverdueRepeatInterval must be whole days (e.g. 7.00:00:00), got {options.OverdueRepeatInterval}.");
        }

        var notifiers = alerts.GetSection("Webhooks").GetChildren().Concat(alerts.GetSection("Email").GetChildren()).Select(s => s.Key).ToList();
        AlertRuleRules.CheckNotifiers(name ?? string.Empty, options.Notifiers, notifiers, result);
        return result.Build();
    }
}
