using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteAlertStateStore(SqliteDatabase database) : IAlertStateStore
{
    private const string Select = "SELECT rule_id, user_id, status, since, last_notified_at, last_value, data, updated_at FROM alert_states";

    public async Task<AlertState?> GetAsync(string ruleId, string userId, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} WHERE rule_id = $rule AND user_id = $user", ruleId, userId, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<AlertState>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync($"{Select} ORDER BY rule_id, user_id", null, null, cancellationToken);

    public async Task SaveAsync(AlertState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO alert_states (rule_id, user_id, status, since, last_notified_at, last_value, data, updated_at) " +
                "VALUES ($rule, $user, $status, $since, $notified, $value, $data, $updated) " +
                "ON CONFLICT (rule_id, user_id) DO UPDATE SET status = excluded.status, since = excluded.since, " +
                "last_notified_at = excluded.last_notified_at, last_value = excluded.last_value, data = excluded.data, updated_at = excluded.updated_at")
            .With("$rule", state.RuleId).With("$user", state.UserId).With("$status", state.Status.ToString())
            .With("$since", UnixTime.ToMs(state.Since)).With("$notified", UnixTime.ToDb(state.LastNotifiedAt))
            .With("$value", state.LastValue).With("$data", state.Data).With("$updated", UnixTime.ToMs(state.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<AlertState>> QueryAsync(string sql, string? ruleId, string? userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql).With("$rule", ruleId).With("$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<AlertState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(Read(reader));
        }

        return states;
    }

    private static AlertState Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<AlertStatus>(reader.GetString(2)),
        UnixTime.FromMs(reader.GetInt64(3)),
        UnixTime.FromMs(reader.GetValue(4)),
        reader.IsDBNull(5) ? null : reader.GetDouble(5),
        reader.GetNullableString(6),
        UnixTime.FromMs(reader.GetInt64(7)));
}
