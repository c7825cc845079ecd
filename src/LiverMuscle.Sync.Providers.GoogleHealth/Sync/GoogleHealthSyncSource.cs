using System.Globalization;
using System.Runtime.CompilerServices;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Persistence;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// The window logic shared by the Fitbit sources. There is no change feed: an incremental run re-reads the last days
/// in full, upserts what it finds and removes what vanished from the window; a targeted run (a push) does the same
/// for the days it names; a backfill walks windows backwards to the start date (or until a run of empty windows),
/// saving after each window where it stands, so a restart does not read a finished window again. Lists ask for the
/// largest page the API serves. A data kind whose scope the person did not grant is not read at all, and one the API
/// refuses for a missing scope stops there: the other kinds sync. Every run first brings the person's time zone up to
/// date when it is due.
/// </summary>
internal abstract class GoogleHealthSyncSource(GoogleHealthReading reading, ILogger logger) : ISyncSource
{
    /// <summary>The largest page of most types.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>The largest page of <c>exercise</c> (and sleep).</summary>
    public const int MaxExercisePageSize = 25;

    private const int MaxPages = 1000;

    public string Provider => ProviderNames.Fitbit;

    public abstract string DataKind { get; }

    protected FitbitOptions Options => reading.Options.Value;

    protected abstract string Measurement { get; }

    /// <summary>Days re-read by an incremental run.</summary>
    protected abstract int WindowDays { get; }

    /// <summary>True when windows are the user's local dates (civil time filters), false for UTC dates.</summary>
    protected abstract bool UsesLocalDates { get; }

    /// <summary>Reads the days [<paramref name="from"/>, <paramref name="to"/>) completely and normalises them.</summary>
    protected abstract Task<RecordRead> ReadWindowAsync(string userId, DateOnly from, DateOnly to, TimeZoneInfo zone, RequestTally tally, CancellationToken cancellationToken);

    /// <summary>What to write for a record that vanished at the source; by default nothing, and its point is deleted.</summary>
    protected virtual Point? Replacement(string userId, LedgerEntry vanished, TimeZoneInfo zone) => null;

    public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await reading.Grants.AllowsAsync(request.UserId, DataKind, cancellationToken))
        {
            yield break;
        }

        await reading.TimeZone.RefreshAsync(request.UserId, request.Requests, cancellationToken);
        var batches = request.Mode switch
        {
            SyncMode.Backfill => BackfillAsync(request, cancellationToken),
            SyncMode.Targeted => TargetedAsync(request, cancellationToken),
            _ => IncrementalAsync(request, cancellationToken),
        };
        await foreach (var batch in batches)
        {
            yield return batch;
        }
    }

    /// <summary>Lists every data point of a type whose filter member falls in the days [<paramref name="from"/>, <paramref name="to"/>).</summary>
    protected async Task<ParsedElements<DataPointDto>> ListAsync(
        string userId, string dataType, string filterMember, bool civil, DateOnly from, DateOnly to, int pageSize, RequestTally tally, CancellationToken cancellationToken)
    {
        var filter = civil
            ? $"{filterMember} >= \"{Day(from)}\" AND {filterMember} < \"{Day(to)}\""
            : $"{filterMember} >= \"{Day(from)}T00:00:00Z\" AND {filterMember} < \"{Day(to)}T00:00:00Z\"";
        var points = new List<DataPointDto>();
        var errors = new List<RecordError>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await reading.Client.ListDataPointsAsync(userId, dataType, filter, pageSize, token, tally, cancellationToken);
            var parsed = DataPointPage.Parse(dataType, response.Body);
            points.AddRange(parsed.Points);
            errors.AddRange(parsed.Errors);
            if (parsed.NextPageToken is not { } next)
            {
                return new ParsedElements<DataPointDto>(points, errors);
            }

            token = next;
        }

        throw new InvalidDataException($"Google Health kept answering {dataType} pages for {userId} after {MaxPages}; the window was not read to the end.");
    }

    private async IAsyncEnumerable<SyncBatch> IncrementalAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var zone = await reading.Users.GetTimeZoneAsync(request.UserId, cancellationToken);
        var today = Today(zone);
        await foreach (var batch in WindowAsync(request, today.AddDays(1 - WindowDays), today.AddDays(2), zone, today, cancellationToken))
        {
            yield return batch;
        }
    }

    private async IAsyncEnumerable<SyncBatch> TargetedAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var zone = await reading.Users.GetTimeZoneAsync(request.UserId, cancellationToken);
        var now = reading.Time.GetUtcNow();
        var from = DateOnly.FromDateTime((request.Since ?? now.AddDays(-1)).UtcDateTime).AddDays(-1);
        var to = DateOnly.FromDateTime((request.Until ?? now).UtcDateTime).AddDays(2);
        await foreach (var batch in WindowAsync(request, from, to > from ? to : from.AddDays(1), zone, Today(zone), cancellationToken))
        {
            yield return batch;
        }
    }

    private async IAsyncEnumerable<SyncBatch> BackfillAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var zone = await reading.Users.GetTimeZoneAsync(request.UserId, cancellationToken);
        var today = Today(zone);
        var since = request.Since is { } s ? DateOnly.FromDateTime(s.UtcDateTime) : (DateOnly?)null;
        var cursor = SourceCursor.Parse(request.Cursor);
        var (at, complete) = (DayOf(cursor.BackfillAt), DayOf(cursor.CompleteFrom));
        if (at is null && complete is { } done && (since is null || done <= since))
        {
            // History is already complete back to that day.
            yield return new SyncBatch([], [], [], request.Cursor, new SyncProgress(1, 1));
            yield break;
        }

        var (step, stopAfter) = (Options.BackfillWindowDays, Options.BackfillStopAfterEmptyWindows);
        // Resume where a stopped backfill was, or extend a finished one further back from where it ended.
        var end = at is { } resumeAt && (since is null || resumeAt > since) ? resumeAt : complete ?? today.AddDays(2);
        var empty = at is null ? 0 : cursor.EmptyWindows;
        var windowsDone = 0;
        var ledger = reading.Batches.Open(Scope(request.UserId, zone, today));
        while (since is { } first ? end > first : empty < stopAfter)
        {
            var from = since is { } limit && end.AddDays(-step) < limit ? limit : end.AddDays(-step);
            var left = since is { } start ? (int)Math.Ceiling((end.DayNumber - start.DayNumber) / (double)step) : stopAfter - empty;
            Log.Backfilling(logger, request.UserId, DataKind, windowsDone + 1, windowsDone + left, from);
            if (await ReadGrantedAsync(request, from, end, zone, cancellationToken) is not { } read)
            {
                yield break;
            }

            empty = read.IsEmpty ? empty + 1 : 0;
            windowsDone++;
            var finished = since is { } oldest ? from <= oldest : empty >= stopAfter;
            var next = finished ? new SourceCursor { CompleteFrom = Midnight(from) } : new SourceCursor { BackfillAt = Midnight(from), EmptyWindows = empty };
            var progress = new SyncProgress(windowsDone, finished ? windowsDone : Math.Max(windowsDone - 1 + left, windowsDone + 1));
            yield return await ledger.BatchAsync(read, new DayWindow(from, end), next.Format(), progress, cancellationToken);

            end = from;
        }
    }

    private async IAsyncEnumerable<SyncBatch> WindowAsync(SyncRequest request, DateOnly from, DateOnly to, TimeZoneInfo zone, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await ReadGrantedAsync(request, from, to, zone, cancellationToken) is not { } read)
        {
            yield break;
        }

        yield return await reading.Batches.Open(Scope(request.UserId, zone, today)).BatchAsync(read, new DayWindow(from, to), cancellationToken: cancellationToken);
    }

    /// <summary>The window's read, or null when the API refused the data type for a scope the grant lacks.</summary>
    private async Task<RecordRead?> ReadGrantedAsync(SyncRequest request, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadWindowAsync(request.UserId, from, to, zone, request.Requests, cancellationToken);
        }
        catch (ScopeNotGrantedException)
        {
            await reading.Grants.RequireAnyDataAsync(request.UserId, cancellationToken);
            return null;
        }
    }

    private RecordScope Scope(string userId, TimeZoneInfo zone, DateOnly today) =>
        new(Provider, DataKind, userId, Measurement, today.AddDays(-WindowDays - 2)) { Replacement = vanished => Replacement(userId, vanished, zone) };

    private DateOnly Today(TimeZoneInfo zone) =>
        DateOnly.FromDateTime(UsesLocalDates ? TimeZoneInfo.ConvertTime(reading.Time.GetUtcNow(), zone).DateTime : reading.Time.GetUtcNow().UtcDateTime);

    private static DateOnly? DayOf(DateTimeOffset? at) => at is { } value ? DateOnly.FromDateTime(value.UtcDateTime) : null;

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
