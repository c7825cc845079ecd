using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiverMuscle.Sync.Providers.Persistence;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using LiverMuscle.Sync.Providers.Withings.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// The paging and cursor logic shared by the Withings sources. Incremental: every record created or modified since
/// the cursor's <c>lastupdate</c>, then a full re-read of the look-back window, which removes what vanished; the new
/// cursor rides on the last batch only, so a crash re-reads the run instead of skipping pages. Backfill: day-aligned
/// windows from <see cref="SyncRequest.Since"/>, with the window and offset reached in the cursor after every page,
/// so a restart fetches no page already written. Targeted: a re-read of the window a notification named, never
/// further back than the look-back window (older changes need a backfill). The person's time zone, as the answers
/// carry it, is reported once per run.
/// </summary>
internal abstract class WithingsSyncSource(
    WithingsApiClient client,
    LedgerBatches batches,
    WithingsTimeZones zones,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger logger) : ISyncSource
{
    public string Provider => ProviderNames.Withings;

    public abstract string DataKind { get; }

    protected abstract string Measurement { get; }

    protected abstract WithingsService Service { get; }

    protected WithingsOptions Options => options.Value;

    protected TimeProvider Time => time;

    protected abstract Dictionary<string, string> ByLastUpdate(long lastUpdate);

    /// <summary>Records of [<paramref name="from"/>, <paramref name="to"/>] (both inclusive, unix seconds).</summary>
    protected abstract Dictionary<string, string> ByWindow(long from, long to);

    /// <summary>One answer's records, read one by one, and its paging header; a body without its list is malformed.</summary>
    protected abstract WithingsPage ReadPage(string userId, JsonElement body);

    public IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, CancellationToken cancellationToken) => request.Mode switch
    {
        SyncMode.Backfill => BackfillAsync(request, cancellationToken),
        SyncMode.Targeted => TargetedAsync(request, cancellationToken),
        _ => IncrementalAsync(request, cancellationToken),
    };

    private async IAsyncEnumerable<SyncBatch> IncrementalAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = SourceCursor.Parse(request.Cursor);
        var now = time.GetUtcNow();
        var ledger = batches.Open(Scope(request.UserId, now));
        var lastUpdate = cursor.ChangesSince ?? (now - Options.InitialHistory).ToUnixTimeSeconds();
        long? next = null;
        string? zone = null;
        await foreach (var page in PagesAsync(request, ByLastUpdate(lastUpdate), 0, cancellationToken))
        {
            next ??= page.UpdateTime ?? now.ToUnixTimeSeconds() - 60;
            zone = page.TimeZone ?? zone;
            yield return await ledger.BatchAsync(page.Read, cancellationToken: cancellationToken);
        }

        var window = new InstantWindow(now - Options.LookBack, now);
        var (read, windowZone) = await ReadWindowAsync(request, window, cancellationToken);
        await zones.ReportAsync(request.UserId, windowZone ?? zone, cancellationToken);
        var finished = cursor with { ChangesSince = next ?? lastUpdate };
        yield return await ledger.BatchAsync(read, window, finished.Format(), cancellationToken: cancellationToken);
    }

    private async IAsyncEnumerable<SyncBatch> TargetedAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var earliest = now - Options.LookBack;
        if (request.Until < earliest)
        {
            Log.TargetedTooOld(logger, request.UserId, DataKind, request.Until.Value);
            yield break;
        }

        var from = Max(request.Since ?? now.AddDays(-1), earliest);
        var to = request.Until is { } until && until < now ? until : now;
        var window = new InstantWindow(from, to > from ? to : from);
        var (read, zone) = await ReadWindowAsync(request, window, cancellationToken);
        await zones.ReportAsync(request.UserId, zone, cancellationToken);
        yield return await batches.Open(Scope(request.UserId, now)).BatchAsync(read, window, cancellationToken: cancellationToken);
    }

    private async IAsyncEnumerable<SyncBatch> BackfillAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = SourceCursor.Parse(request.Cursor);
        var now = time.GetUtcNow();
        var ledger = batches.Open(Scope(request.UserId, now));
        var end = now.ToUnixTimeSeconds();
        var step = (long)Options.BackfillWindow.TotalSeconds;
        var start = StartOfDay(request.Since ?? now.AddYears(-1));
        var resumeAt = cursor.BackfillAt?.ToUnixTimeSeconds();
        var resume = resumeAt is { } at && at >= start && at <= end;
        var windowStart = resume ? resumeAt!.Value : start;
        var offset = resume ? cursor.BackfillOffset : 0;
        var lastUpdate = cursor.ChangesSince ?? end - 60;
        var total = (int)Math.Max(1, (end - start + step - 1) / step);
        var done = (int)((windowStart - start) / step);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var windowFrom = DateTimeOffset.FromUnixTimeSeconds(windowStart);
            Log.Backfilling(logger, request.UserId, DataKind, windowFrom, done, total);
        }

        var walking = cursor with { ChangesSince = lastUpdate };
        var finished = (walking with { BackfillAt = null, BackfillOffset = 0, CompleteFrom = Min(Unix(start), cursor.CompleteFrom) }).Format();
        if (!resume && cursor.CompleteFrom is { } complete && complete.ToUnixTimeSeconds() <= start)
        {
            // History from this date is already complete: a repeated backfill (or a restart after it ended) fetches nothing.
            yield return new SyncBatch([], [], [], request.Cursor, new SyncProgress(total, total));
            yield break;
        }

        if (windowStart >= end)
        {
            yield return new SyncBatch([], [], [], finished, new SyncProgress(total, total));
            yield break;
        }

        string? zone = null;
        for (; windowStart < end; windowStart += step, offset = 0)
        {
            var windowEnd = Math.Min(windowStart + step, end);
            await foreach (var page in PagesAsync(request, ByWindow(windowStart, windowEnd - 1), offset, cancellationToken))
            {
                zone = page.TimeZone ?? zone;
                var last = !page.More;
                var next = !last ? (walking with { BackfillAt = Unix(windowStart), BackfillOffset = page.NextOffset }).Format()
                    : windowEnd >= end ? finished
                    : (walking with { BackfillAt = Unix(windowEnd), BackfillOffset = 0 }).Format();
                if (last)
                {
                    done++;
                }

                yield return await ledger.BatchAsync(page.Read, cursor: next, progress: new SyncProgress(Math.Min(done, total), total), cancellationToken: cancellationToken);
            }
        }

        await zones.ReportAsync(request.UserId, zone, cancellationToken);
    }

    private async Task<(RecordRead Read, string? TimeZone)> ReadWindowAsync(SyncRequest request, InstantWindow window, CancellationToken cancellationToken)
    {
        var read = RecordRead.Empty;
        string? zone = null;
        await foreach (var page in PagesAsync(request, ByWindow(window.From.ToUnixTimeSeconds(), window.To.ToUnixTimeSeconds()), 0, cancellationToken))
        {
            read = read.Add(page.Read);
            zone = page.TimeZone ?? zone;
        }

        return (read, zone);
    }

    /// <summary>Every page of a query; a page after which paging cannot go on although <c>more</c> says so is marked incomplete.</summary>
    private async IAsyncEnumerable<WithingsPage> PagesAsync(SyncRequest request, Dictionary<string, string> form, long offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var pages = 1; ; pages++)
        {
            var query = new Dictionary<string, string>(form);
            if (offset > 0)
            {
                query["offset"] = offset.ToString(CultureInfo.InvariantCulture);
            }

            var response = await client.CallAsync(request.UserId, Service, query, request.Requests, cancellationToken);
            if (!response.IsOk)
            {
                throw new WithingsApiException(query["action"], response);
            }

            var page = ReadPage(request.UserId, response.Body);
            var stuck = page.More && (page.NextOffset <= offset || pages >= Options.MaxPages);
            if (stuck)
            {
                Log.PagingStopped(logger, request.UserId, DataKind, pages, offset, page.NextOffset);
                yield return page with { Read = page.Read with { Complete = false } };
                yield break;
            }

            yield return page;
            if (!page.More)
            {
                yield break;
            }

            offset = page.NextOffset;
        }
    }

    private RecordScope Scope(string userId, DateTimeOffset now) =>
        new(Provider, DataKind, userId, Measurement, DateOnly.FromDateTime((now - Options.LookBack - TimeSpan.FromDays(1)).UtcDateTime));

    private static long StartOfDay(DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeSeconds();

    private static DateTimeOffset Unix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
