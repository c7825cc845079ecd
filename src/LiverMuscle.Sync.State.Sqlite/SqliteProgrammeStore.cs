using System.Globalization;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Programmes in the <c>programmes</c> table: weekdays as <c>mon,wed,fri</c>, times as <c>HH:mm</c>.</summary>
internal sealed class SqliteProgrammeStore(SqliteDatabase database) : IProgrammeStore
{
    private const string Select =
        "SELECT user_id, training_days, training_time, self_test_since, recheck_interval_days, protein_reminder_time, protein_reminder_below, updated_at FROM programmes";

    public async Task<Programme?> GetAsync(string personId, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} WHERE user_id = $user", personId, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken) => QueryAsync($"{Select} ORDER BY user_id", null, cancellationToken);

    public async Task SaveAsync(Programme programme, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO programmes (user_id, training_days, training_time, self_test_since, recheck_interval_days, protein_reminder_time, protein_reminder_below, updated_at) " +
                "VALUES ($user, $days, $training, $selfTest, $recheck, $protein, $below, $updated) " +
                "ON CONFLICT (user_id) DO UPDATE SET training_days = excluded.training_days, training_time = excluded.training_time, " +
                "self_test_since = excluded.self_test_since, recheck_interval_days = excluded.recheck_interval_days, " +
                "protein_reminder_time = excluded.protein_reminder_time, protein_reminder_below = excluded.protein_reminder_below, updated_at = excluded.updated_at")
            .With("$user", programme.PersonId)
            .With("$days", programme.TrainingDays.Count == 0 ? null : string.Join(',', programme.TrainingDays.Select(ProgrammeChangeApplier.Abbreviation)))
            .With("$training", Text(programme.TrainingTime)).With("$selfTest", UnixTime.ToDb(programme.SelfTestSince))
            .With("$recheck", programme.RecheckIntervalDays).With("$protein", Text(programme.ProteinReminderTime))
            .With("$below", programme.ProteinReminderBelow).With("$updated", UnixTime.ToDb(programme.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Programme>> QueryAsync(string sql, string? personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql).With("$user", personId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var programmes = new List<Programme>();
        while (await reader.ReadAsync(cancellationToken))
        {
            programmes.Add(Read(reader));
        }

        return programmes;
    }

    private static Programme Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        ProgrammeChangeApplier.Order((reader.GetNullableString(1) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Enum.GetValues<DayOfWeek>().Single(w => ProgrammeChangeApplier.Abbreviation(w) == d))),
        Time(reader.GetNullableString(2)),
        UnixTime.FromMs(reader.GetValue(3)),
        reader.IsDBNull(4) ? null : reader.GetInt32(4),
        Time(reader.GetNullableString(5)),
        reader.IsDBNull(6) ? null : reader.GetDouble(6),
        UnixTime.FromMs(reader.GetValue(7)));

    private static string? Text(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? Time(string? text) => text is null ? null : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
