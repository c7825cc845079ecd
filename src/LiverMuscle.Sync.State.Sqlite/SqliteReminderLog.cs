using System.Globalization;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Reminder occasions in <c>reminder_occasions</c>, one row per (person, reminder, local date).</summary>
internal sealed class SqliteReminderLog(SqliteDatabase database) : IReminderLog
{
    public async Task<bool> IsDecidedAsync(string personId, ReminderKind kind, DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT 1 FROM reminder_occasions WHERE user_id = $user AND reminder = $reminder AND occasion = $occasion")
            .With("$user", personId).With("$reminder", kind.ToString()).With("$occasion", Text(date));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task RecordAsync(ReminderOccasion occasion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO reminder_occasions (user_id, reminder, occasion, outcome, decided_at) VALUES ($user, $reminder, $occasion, $outcome, $at) " +
                "ON CONFLICT (user_id, reminder, occasion) DO NOTHING")
            .With("$user", occasion.PersonId).With("$reminder", occasion.Kind.ToString()).With("$occasion", Text(occasion.Date))
            .With("$outcome", occasion.Outcome.ToString()).With("$at", UnixTime.ToMs(occasion.DecidedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderOccasion>> ListAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT reminder, occasion, outcome, decided_at FROM reminder_occasions WHERE user_id = $user ORDER BY occasion DESC, decided_at DESC")
            .With("$user", personId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var occasions = new List<ReminderOccasion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            occasions.Add(new ReminderOccasion(
                personId,
                Enum.Parse<ReminderKind>(reader.GetString(0)),
                DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Enum.Parse<ReminderOutcome>(reader.GetString(2)),
                UnixTime.FromMs(reader.GetInt64(3))));
        }

        return occasions;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
