using System.Globalization;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.People;

/// <summary>What the state store holds about a person, as export tables. Never a token: connections show status and expiry only.</summary>
internal sealed class StateExportTables(ITokenStore tokens, ISyncCursorStore cursors, ISyncRunLog runs, IAlertStateStore alerts, ProgrammeRegistry programmes, IReminderLog reminders)
{
    public async Task<IReadOnlyList<ExportTable>> ReadAsync(Person person, CancellationToken cancellationToken)
    {
        var connections = (await tokens.ListAsync(cancellationToken)).Where(c => c.UserId == person.Id).ToList();
        var states = (await alerts.ListAsync(cancellationToken)).Where(s => s.UserId == person.Id).ToList();
        var programme = await programmes.GetAsync(person.Id, cancellationToken) ?? Programme.None(person.Id);
        return
        [
            Pairs("profile.csv", "the person's profile", [
                ("id", person.Id), ("display_name", person.DisplayName), ("time_zone", person.TimeZone), ("time_zone_origin", person.TimeZoneOrigin.ToString()),
                ("birth_date", person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("sex", person.Sex), ("height_m", Number(person.HeightM)),
                ("weight_source", person.WeightSource), ("notification_recipients", string.Join(' ', person.Recipients)),
                ("created_at", Time(person.CreatedAt)), ("updated_at", Time(person.UpdatedAt)),
            ]),
            Pairs("goals.csv", "the person's own weekly goals (empty: the configured seed or default applies)", [
                ("sessions_per_week", Number(person.Goals.SessionsPerWeek)), ("resistance_minutes_per_week", Number(person.Goals.ResistanceMinutesPerWeek)),
                ("protein_g_per_kg_per_day", Number(person.Goals.ProteinGPerKgPerDay)),
            ]),
            new("connections.csv", "provider connections: status, token expiry and scopes (no tokens)",
                ["provider", "status", "status_reason", "access_token_expires_at", "scope", "provider_user_id", "updated_at"],
                [.. connections.Select(c => (IReadOnlyList<string?>)[c.Provider, c.Status.ToString(), c.StatusReason, c.Token is { } t ? Time(t.AccessTokenExpiresAt) : null, c.Token?.Scope, c.Token?.ProviderUserId, Time(c.UpdatedAt)])]),
            new("sync_cursors.csv", "how far each data kind has been synced",
                ["provider", "data_kind", "value", "updated_at"],
                [.. (await cursors.ListAsync(person.Id, cancellationToken)).Select(c => (IReadOnlyList<string?>)[c.Provider, c.DataKind, c.Value, Time(c.UpdatedAt)])]),
            new("sync_runs_latest.csv", "the latest sync run per provider",
                ["provider", "outcome", "records", "requests", "started_at", "finished_at", "error"],
                [.. (await runs.ListLatestAsync(person.Id, cancellationToken)).Select(r => (IReadOnlyList<string?>)[r.Provider, r.Outcome.ToString(), Number(r.Records), Number(r.Requests), Time(r.StartedAt), Time(r.FinishedAt), r.Error])]),
            new("alert_states.csv", "the current state of every alert rule for the person",
                ["rule", "status", "since", "last_notified_at", "last_value", "updated_at"],
                [.. states.Select(s => (IReadOnlyList<string?>)[s.RuleId, s.Status.ToString(), Time(s.Since), s.LastNotifiedAt is { } n ? Time(n) : null, Number(s.LastValue), Time(s.UpdatedAt)])]),
            Pairs("programme.csv", "the person's programme (empty: the default applies, or the reminder is off)", [
                ("training_days", string.Join(' ', programme.TrainingDays.Select(ProgrammeChangeApplier.Abbreviation))),
                ("training_time", programme.TrainingTime?.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("self_test_since", programme.SelfTestSince is { } since ? Time(since) : null), ("recheck_interval_days", Number(programme.RecheckIntervalDays)),
                ("protein_reminder_time", programme.ProteinReminderTime?.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("protein_reminder_below", Number(programme.ProteinReminderBelow)), ("updated_at", programme.UpdatedAt is { } updated ? Time(updated) : null),
            ]),
            new("reminder_occasions.csv", "each reminder occasion decided: sent, or not needed",
                ["reminder", "local_date", "outcome", "decided_at"],
                [.. (await reminders.ListAsync(person.Id, cancellationToken)).Select(r => (IReadOnlyList<string?>)[r.Kind.ToString(), r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Outcome.ToString(), Time(r.DecidedAt)])]),
        ];
    }

    private static ExportTable Pairs(string name, string contents, (string Key, string? Value)[] pairs) =>
        new(name, contents, ["key", "value"], [.. pairs.Select(p => (IReadOnlyList<string?>)[p.Key, p.Value])]);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);
}
