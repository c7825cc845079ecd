using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Alerts.Notifications.Webhook;
using LiverMuscle.Sync.Alerts.Reminders;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Alerts.Summary;
using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Markers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Alert rules, their evaluator (hosted, on a schedule), notifiers, the weekly summary and the programme reminders
    /// (section <c>Alerts</c>). Needs the InfluxDB sink, the state store, <c>AddAdherence</c> and <c>AddHealthMarkers</c>.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertsOptions>().BindStrictly(configuration).ValidateSection(configuration, new AlertsOptionsValidator()).ValidateOnStart();
        services.AddPersonIdsOf<AlertsOptions>(
            o => o.Email.SelectMany(e => e.Value.Recipients.Keys.Select(id => (id, $"Alerts:Email:{e.Key}:Recipients:{id}"))),
            o => o.Rules.SelectMany((rule, i) => rule.Users.Select((id, j) => (id, $"Alerts:Rules:{i}:Users:{j}"))));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSyncTelemetry();
        // Slack, Discord and ntfy carry their secret in the webhook URL: the default loggers would write it out.
        services.AddHttpClient(WebhookNotifier.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton<LatestMarkerReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, SessionsBehindCondition>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, ProteinBelowGoalCondition>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, MuscleMassDropCondition>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, Fib4BandCondition>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, SourceSilentCondition>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, NeedsReauthorizationCondition>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCondition, InfluxQlCondition>());
        foreach (var kind in new[] { AlertRuleKind.MarkerAbove, AlertRuleKind.MarkerBelow })
        {
            services.AddSingleton<IRuleCondition>(provider => new MarkerThresholdCondition(
                kind, provider.GetRequiredService<LatestMarkerReader>(), provider.GetRequiredService<IUserStore>(), provider.GetRequiredService<MarkerProfiles>()));
        }

        services.TryAddSingleton<NotifierRegistry>();
        services.TryAddSingleton<AlertEvaluator>();
        services.TryAddSingleton<WeeklySummaryBuilder>();
        services.TryAddSingleton<WeeklySummaryService>();
        services.AddHostedService<AlertEvaluationService>();
        services.AddHostedService(provider => provider.GetRequiredService<WeeklySummaryService>());
        AddReminders(services, configuration);
        return services;
    }

    /// <summary>The reminders of each person's programme (section <c>Alerts:Reminders</c>), checked by a hosted service.</summary>
    private static void AddReminders(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Reminders");
        services.AddOptions<RemindersOptions>().BindStrictly(section).ValidateSection(section, new RemindersOptionsValidator(configuration)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReminder, TrainingDayReminder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReminder, SelfTestReminder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReminder, RecheckReminder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReminder, ProteinReminder>());
        services.TryAddSingleton<ReminderEvaluator>();
        services.AddHostedService<ReminderService>();
    }
}
