using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Withings.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// The paging and cursor logic shared by the Withings sources. Incremental: every record created or modified since
/// the cursor's <c>lastupdate</c>, then a full re-read of the look-back window to delete what vanished; the new
/// cursor rides on the last batch only, so a crash re-reads the run instead of skipping pages. Backfill: day-aligned
/// windows from <see cref="SyncRequest.Since"/>, with the window and offset reached in the cursor after every page,
/// so a restart fetches no page already written. Targeted: the window a notification named.
/// </summary>
public abstract class WithingsSyncSource(
    WithingsApiClient client,
    WrittenRecordLedger ledger,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger logger) : ISyncSource
{
    public string Provider => ProviderNames.Withings;

    public abstract string DataKind { get; }

    protected abstract string Measurement { get; }

    protected abstract WithingsService Service { get; }

    protected WithingsOptions Options => options.Value;

    protected abstract Dictionary<string, string> ByLastUpdate(long lastUpdate);

    /// <summary>Records of [<paramref name="from"/>, <paramref name="to"/>] (both inclusive, unix seconds).</summary>
    protected abstract Dictionary<string, string> ByWindow(long from, long to);

    protected abstract WithingsPage ReadPage(string userId, JsonElement body);

    public IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, CancellationToken cancellationToken) => request.Mode switch
    {
        SyncMode.Backfill => BackfillAsync(request, cancellationToken),
        SyncMode.Targeted => TargetedAsync(request, cancellationToken),
        _ => IncrementalAsync(request, cancellationToken),
    };

    private async IAsyncEnumerable<SyncBatch> IncrementalAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = WithingsCursor.Parse(request.Cursor);
        var now = time.GetUtcNow();
        var keepFrom = KeepFrom(now);
        var tally = new RequestTally();
        var lastUpdate = cursor.LastUpdate ?? (now - Options.InitialHistory).ToUnixTimeSeconds();
        long? next = null;
        await foreach (var page in PagesAsync(request.UserId, ByLastUpdate(lastUpdate), 0, tally, cancellationToken))
        {
            next ??= page.UpdateTime ?? now.ToUnixTimeSeconds() - 60;
            yield return new SyncBatch(page.Normalized.Points, [], page.Normalized.Errors, null, tally.Take());
            await ledger.RecordAsync(request.UserId, DataKind, page.Normalized.Records, keepFrom, cancellationToken);
        }

        var (from, to) = ((now - Options.LookBack).ToUnixTimeSeconds(), now.ToUnixTimeSeconds());
        var served = new List<NormalizedRecord>();
        var errors = new List<RecordError>();
        await foreach (var page in PagesAsync(request.UserId, ByWindow(from, to), 0, tally, cancellationToken))
        {
            served.AddRange(page.Normalized.Records);
            errors.AddRange(page.Normalized.Errors);
        }

        var stillThere = served.Select(r => r.SourceId).Concat(errors.Select(e => ParseId(e.RecordId))).ToHashSet();
        var written = await ledger.GetAsync(request.UserId, DataKind, cancellationToken);
        var deletions = written
            .Where(w => w.Value >= from && w.Value <= to && !stillThere.Contains(w.Key))
            .Select(w => Deletion(request.UserId, w.Value))
            .ToList();
        if (deletions.Count > 0)
        {
            Log.Vanished(logger, request.UserId, DataKind, deletions.Count);
        }

        var finished = cursor with { LastUpdate = next ?? lastUpdate };
        yield return new SyncBatch([.. served.Select(r => r.Point)], deletions, errors, finished.Format(), tally.Take());
        await ledger.ReplaceWindowAsync(request.UserId, DataKind, DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(to), served, keepFrom, cancellationToken);
    }

    private async IAsyncEnumerable<SyncBatch> TargetedAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = (request.Since ?? now.AddDays(-1)).ToUnixTimeSeconds();
        var to = (request.Until ?? now).ToUnixTimeSeconds();
        var tally = new RequestTally();
        await foreach (var page in PagesAsync(request.UserId, ByWindow(from, Math.Max(from, to)), 0, tally, cancellationToken))
        {
            yield return new SyncBatch(page.Normalized.Points, [], page.Normalized.Errors, null, tally.Take());
            await ledger.RecordAsync(request.UserId, DataKind, page.Normalized.Records, KeepFrom(now), cancellationToken);
        }
    }

    private async IAsyncEnumerable<SyncBatch> BackfillAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = WithingsCursor.Parse(request.Cursor);
        var now = time.GetUtcNow();
        var end = now.ToUnixTimeSeconds();
        var step = (long)Options.BackfillWindow.TotalSeconds;
        var start = StartOfDay(request.Since ?? now.AddYears(-1));
        var resume = cursor.BackfillAt is { } at && at >= start && at <= end;
        var windowStart = resume ? cursor.BackfillAt!.Value : start;
        var offset = resume ? cursor.BackfillOffset : 0;
        var lastUpdate = cursor.LastUpdate ?? end - 60;
        var total = (int)Math.Max(1, (end - start + step - 1) / step);
        var done = (int)((windowStart - start) / step);
        var tally = new RequestTally();
        Log.Backfilling(logger, request.UserId, DataKind, DateTimeOffset.FromUnixTimeSeconds(windowStart), done, total);

        var finished = (cursor with { LastUpdate = lastUpdate, BackfillAt = null, BackfillOffset = 0, BackfilledFrom = Math.Min(start, cursor.BackfilledFrom ?? start) }).Format();
        if (!resume && cursor.BackfilledFrom is { } complete && complete <= start)
        {
            // History from this date is already complete: a repeated backfill (or a restart after it ended) fetches nothing.
            yield return new SyncBatch([], [], [], request.Cursor, 0, new SyncProgress(total, total));
            yield break;
        }

        if (windowStart >= end)
        {
            yield return new SyncBatch([], [], [], finished, 0, new SyncProgress(total, total));
            yield break;
        }

        for (; windowStart < end; windowStart += step, offset = 0)
        {
            var windowEnd = Math.Min(windowStart + step, end);
            await foreach (var page in PagesAsync(request.UserId, ByWindow(windowStart, windowEnd - 1), offset, tally, cancellationToken))
            {
                var last = !page.More;
                var next = !last ? (cursor with { LastUpdate = lastUpdate, BackfillAt = windowStart, BackfillOffset = page.NextOffset }).Format()
                    : windowEnd >= end ? finished
                    : (cursor with { LastUpdate = lastUpdate, BackfillAt = windowEnd, BackfillOffset = 0 }).Format();
                if (last)
                {
                    done++;
                }

                yield return new SyncBatch(page.Normalized.Points, [], page.Normalized.Errors, next, tally.Take(), new SyncProgress(Math.Min(done, total), total));
                await ledger.RecordAsync(request.UserId, DataKind, page.Normalized.Records, KeepFrom(now), cancellationToken);
            }
        }
    }

    private async IAsyncEnumerable<WithingsPage> PagesAsync(string userId, Dictionary<string, string> form, long offset, RequestTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var pages = 0; pages < Options.MaxPages; pages++)
        {
            var request = new Dictionary<string, string>(form);
            if (offset > 0)
            {
                request["offset"] = offset.ToString(CultureInfo.InvariantCulture);
            }

            var response = await client.CallAsync(userId, Service, request, tally, cancellationToken);
            if (!response.IsOk)
            {
                throw new WithingsApiException(request["action"], response);
            }

            var page = ReadPage(userId, response.Body);
            foreach (var error in page.Normalized.Errors)
            {
                Log.RecordSkipped(logger, userId, DataKind, error.RecordId, error.Reason);
            }

            yield return page;
            if (!page.More || page.NextOffset <= offset)
            {
                yield break;
            }

            offset = page.NextOffset;
        }

        Log.TooManyPages(logger, userId, DataKind, Options.MaxPages);
    }

    private PointDeletion Deletion(string userId, long unixTime)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixTime);
        return new PointDeletion(Measurement, new Dictionary<string, string> { [TagNames.User] = userId, [TagNames.Source] = Sources.Withings }, at, at);
    }

    private DateTimeOffset KeepFrom(DateTimeOffset now) => now - Options.LookBack - TimeSpan.FromDays(1);

    private static long StartOfDay(DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeSeconds();

    private static long ParseId(string id) => long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
