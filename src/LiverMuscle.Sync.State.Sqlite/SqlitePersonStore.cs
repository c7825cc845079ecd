using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// People in the <c>users</c> table, behind both <see cref="IPersonStore"/> and the narrow <see cref="IUserStore"/>.
/// The ids configuration seeds name are added the first time this process uses the store.
/// </summary>
internal sealed class SqlitePersonStore(SqliteDatabase database, IEnumerable<IPersonSeedSource> seeds, TimeProvider time) : IPersonStore, IUserStore, IDisposable
{
    private const string Columns =
        "id, display_name, time_zone, time_zone_origin, birth_date, sex, height_m, sessions_per_week, resistance_minutes_per_week, " +
        "protein_g_per_kg_per_day, recipients, weight_source, created_at, updated_at";

    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private volatile bool _seeded;

    public void Dispose() => _seedGate.Dispose();

    public async Task<Person?> GetAsync(string personId, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = $id", personId, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken) => QueryAsync(string.Empty, null, cancellationToken);

    public async Task<bool> AddAsync(Person person, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        return await InsertAsync(person, cancellationToken);
    }

    public async Task<bool> UpdateAsync(Person person, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Bind(connection.Command(
            "UPDATE users SET display_name = $name, time_zone = $tz, time_zone_origin = $origin, birth_date = $birth, sex = $sex, " +
            "height_m = $height, sessions_per_week = $sessions, resistance_minutes_per_week = $minutes, protein_g_per_kg_per_day = $protein, " +
            "recipients = $recipients, weight_source = $weight, updated_at = $updated WHERE id = $id"), person);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<ProviderTimeZoneOutcome> ReportProviderTimeZoneAsync(string personId, string provider, string timeZone, CancellationToken cancellationToken)
    {
        if (PersonChangeApplier.ResolveTimeZone(timeZone) is not { } zone)
        {
            return ProviderTimeZoneOutcome.UnknownZone;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "UPDATE users SET time_zone = $tz, time_zone_origin = $origin, time_zone_provider = $provider, updated_at = $now " +
                "WHERE id = $id AND time_zone_origin <> $person " +
                "AND (time_zone_origin <> $origin OR time_zone_provider IS NULL OR time_zone_provider = $provider) " +
                "AND (time_zone <> $tz OR time_zone_origin <> $origin OR time_zone_provider IS NOT $provider) " +
                "RETURNING id")
            .With("$id", personId).With("$tz", zone).With("$origin", nameof(TimeZoneOrigin.Provider)).With("$provider", provider)
            .With("$person", nameof(TimeZoneOrigin.Person)).With("$now", UnixTime.ToMs(time.GetUtcNow()));
        if (await command.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return ProviderTimeZoneOutcome.Updated;
        }

        return await GetAsync(personId, cancellationToken) switch
        {
            null => ProviderTimeZoneOutcome.UnknownPerson,
            { TimeZoneOrigin: TimeZoneOrigin.Person } => ProviderTimeZoneOutcome.KeptPersonsOwn,
            { TimeZone: var stored } when stored == zone => ProviderTimeZoneOutcome.Unchanged,
            _ => ProviderTimeZoneOutcome.KeptOtherProvidersZone,
        };
    }

    public async Task UpsertAsync(UserRecord user, CancellationToken cancellationToken)
    {
        var person = Person.Create(user.Id, user.TimeZone, TimeZoneOrigin.Person, user.CreatedAt);
        if (!await AddAsync(person, cancellationToken))
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.Command("UPDATE users SET time_zone = $tz, time_zone_origin = $origin WHERE id = $id")
                .With("$id", user.Id).With("$tz", user.TimeZone).With("$origin", nameof(TimeZoneOrigin.Person));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    async Task<UserRecord?> IUserStore.GetAsync(string userId, CancellationToken cancellationToken) =>
        await GetAsync(userId, cancellationToken) is { } person ? ToUser(person) : null;

    async Task<IReadOnlyList<UserRecord>> IUserStore.ListAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken)).Select(ToUser)];

    private static UserRecord ToUser(Person person) => new(person.Id, person.TimeZone, person.CreatedAt);

    private async Task<bool> InsertAsync(Person person, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Bind(connection.Command(
            $"INSERT INTO users ({Columns}) VALUES ($id, $name, $tz, $origin, $birth, $sex, $height, $sessions, $minutes, $protein, $recipients, $weight, $created, $updated) " +
            "ON CONFLICT (id) DO NOTHING"), person);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
        {
            return;
        }

        await _seedGate.WaitAsync(cancellationToken);
        try
        {
            if (!_seeded)
            {
                var now = time.GetUtcNow();
                foreach (var id in seeds.SelectMany(s => s.Seeds).Select(s => s.PersonId).Where(PersonId.IsValid).Distinct(StringComparer.Ordinal))
                {
                    await InsertAsync(Person.Create(id, TimeZoneInfo.Utc.Id, TimeZoneOrigin.Default, now), cancellationToken);
                }

                _seeded = true;
            }
        }
        finally
        {
            _seedGate.Release();
        }
    }

    private async Task<IReadOnlyList<Person>> QueryAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM users {where} ORDER BY id").With("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var people = new List<Person>();
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add(Read(reader));
        }

        return people;
    }

    private static SqliteCommand Bind(SqliteCommand command, Person person) => command
        .With("$id", person.Id).With("$name", person.DisplayName).With("$tz", person.TimeZone).With("$origin", person.TimeZoneOrigin.ToString())
        .With("$birth", person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With("$sex", person.Sex).With("$height", person.HeightM)
        .With("$sessions", person.Goals.SessionsPerWeek).With("$minutes", person.Goals.ResistanceMinutesPerWeek)
        .With("$protein", person.Goals.ProteinGPerKgPerDay)
        .With("$recipients", person.Recipients.Count == 0 ? null : string.Join('\n', person.Recipients)).With("$weight", person.WeightSource)
        .With("$created", UnixTime.ToMs(person.CreatedAt)).With("$updated", UnixTime.ToMs(person.UpdatedAt));

    private static Person Read(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var created = UnixTime.FromMs(reader.GetInt64(12));
        return new Person(
            id,
            reader.GetNullableString(1) ?? id,
            reader.GetString(2),
            Enum.TryParse<TimeZoneOrigin>(reader.GetString(3), out var origin) ? origin : TimeZoneOrigin.Default,
            reader.GetNullableString(4) is { } birth ? DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            reader.GetNullableString(5),
            reader.IsDBNull(6) ? null : reader.GetDouble(6),
            new PersonGoals(
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9)),
            reader.GetNullableString(10)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
            reader.GetNullableString(11),
            created,
            UnixTime.FromMs(reader.GetValue(13)) ?? created);
    }
}
