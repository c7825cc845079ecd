using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>
/// Checks every person's reminders for the occasion of their local today: from its hour until
/// <see cref="RemindersOptions.MaxDelay"/> later (never past the local midnight), an occasion not decided yet is
/// judged and, when due, sent through the configured notifiers to the person's recipients. It is recorded once a
/// notifier delivered it (or once it was not needed), so a restart does not send it again; an occasion whose time
/// passed while the worker was down is not sent late.
/// </summary>
internal sealed class ReminderEvaluator(
    IPersonStore people,
    IUserStore users,
    IProgrammeStore programmes,
    IReminderLog log,
    IEnumerable<IReminder> reminders,
    NotifierRegistry notifiers,
    IOptionsMonitor<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderEvaluator> logger)
{
    public async Task<IReadOnlyList<ReminderResult>> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = (await programmes.ListAsync(cancellationToken)).ToDictionary(p => p.PersonId, StringComparer.Ordinal);
        var results = new List<ReminderResult>();
        foreach (var person in await people.ListAsync(cancellationToken))
        {
            var zone = await users.GetTimeZoneAsync(person.Id, cancellationToken);
            var context = new ReminderContext(person, stored.GetValueOrDefault(person.Id) ?? Programme.None(person.Id), zone, now);
            foreach (var reminder in reminders)
            {
                if (await IsOpenAsync(reminder, context, cancellationToken) && await CheckAsync(reminder, context, cancellationToken) is { } result)
                {
                    results.Add(result);
                }
            }
        }

        return results;
    }

    private async Task<bool> IsOpenAsync(IReminder reminder, ReminderContext context, CancellationToken cancellationToken)
    {
        if (reminder.TimeOf(context.Programme) is not { } at)
        {
            return false;
        }

        var due = context.TodayAt(at);
        var until = Min(due + options.CurrentValue.MaxDelay, context.TomorrowStart);
        return context.Now >= due && context.Now < until && !await log.IsDecidedAsync(context.Person.Id, reminder.Kind, context.Today, cancellationToken);
    }

    /// <summary>Null when today is no occasion of the reminder after all.</summary>
    private async Task<ReminderResult?> CheckAsync(IReminder reminder, ReminderContext context, CancellationToken cancellationToken)
    {
        var (personId, today) = (context.Person.Id, context.Today);
        ReminderCheck? check;
        try
        {
            check = await reminder.CheckAsync(context, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReminderCheckFailed(logger, reminder.Kind, personId, e);
            return new ReminderResult(personId, reminder.Kind, today, null, false, null, e.Message);
        }

        switch (check?.Verdict)
        {
            case null:
                return null;
            case ReminderVerdict.NoData:
                Log.ReminderNoData(logger, reminder.Kind, personId, check.Lines[0]);
                return new ReminderResult(personId, reminder.Kind, today, check.Verdict, false, null);
            case ReminderVerdict.NotNeeded:
                await log.RecordAsync(new ReminderOccasion(personId, reminder.Kind, today, ReminderOutcome.NotNeeded, context.Now), cancellationToken);
                return new ReminderResult(personId, reminder.Kind, today, check.Verdict, false, null);
        }

        var notification = ReminderMessages.Compose(reminder.Kind, context, check);
        var delivered = await notifiers.SendAsync(options.CurrentValue.Notifiers, notification, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var date = ReminderContext.Date(today);
            Log.ReminderSent(logger, reminder.Kind, personId, date, delivered);
        }

        if (delivered)
        {
            await log.RecordAsync(new ReminderOccasion(personId, reminder.Kind, today, ReminderOutcome.Sent, context.Now), cancellationToken);
        }

        return new ReminderResult(personId, reminder.Kind, today, check.Verdict, delivered, notification);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
