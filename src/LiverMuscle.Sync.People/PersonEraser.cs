using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.People;

/// <summary>
/// Erases a person: revokes at every provider they are connected to (a failure is reported, the erasure goes on),
/// deletes every state row of theirs in one transaction, then drops every InfluxDB series tagged with them in every
/// measurement and checks none is left. The InfluxDB part is skipped, and reported, while the write spool holds
/// batches (they may hold the person's points and would be written back); running the erasure again for an id that
/// is no longer in the state store finishes it.
/// </summary>
public sealed class PersonEraser(
    IPersonStore people,
    ITokenStore tokens,
    IEnumerable<ITokenRevoker> revokers,
    IPersonStateEraser state,
    IInfluxQueryClient influx,
    IWriteSpool spool,
    IEnumerable<IPersonSeedSource> seeds)
{
    public async Task<PersonErasure> EraseAsync(string personId, CancellationToken cancellationToken)
    {
        var known = await people.GetAsync(personId, cancellationToken) is not null;
        var revocations = new List<RevocationResult>();
        foreach (var connection in (await tokens.ListAsync(cancellationToken)).Where(c => c.UserId == personId && c.Token is not null))
        {
            revocations.Add(await ProviderRevocation.RevokeAsync(revokers, personId, connection.Provider, cancellationToken));
        }

        var erased = await state.EraseAsync(personId, cancellationToken);
        var (series, error) = await DropSeriesAsync(personId, cancellationToken);
        var seededBy = seeds.SelectMany(s => s.Seeds).Where(s => s.PersonId == personId).Select(s => s.Key).Distinct(StringComparer.Ordinal).ToList();
        return new PersonErasure(personId, known, revocations, erased, series, error, seededBy);
    }

    private async Task<(IReadOnlyDictionary<string, int> Series, string? Error)> DropSeriesAsync(string personId, CancellationToken cancellationToken)
    {
        var again = $"run 'livermuscle-sync people remove {personId}' again to finish";
        if (await spool.CountAsync(cancellationToken) is var spooled and > 0)
        {
            return (new Dictionary<string, int>(), $"{spooled} batch(es) wait in the write spool for InfluxDB and may hold this person's points: once they are replayed, {again}.");
        }

        try
        {
            var series = await PersonSeries.CountAsync(influx, personId, cancellationToken);
            if (series.Count > 0)
            {
                await influx.ExecuteAsync($"DROP SERIES WHERE {PersonSeries.Where(personId)}", cancellationToken);
            }

            var left = await PersonSeries.CountAsync(influx, personId, cancellationToken);
            return left.Count == 0
                ? (series, null)
                : (series, $"InfluxDB still lists {left.Values.Sum()} series of this person after DROP SERIES; {again}.");
        }
        catch (Exception e) when (InfluxFailure.Is(e, cancellationToken))
        {
            return (new Dictionary<string, int>(), $"InfluxDB could not drop the person's series ({e.Message}); {again}.");
        }
    }
}
