using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// What people enter by hand, for the command line and the console alike: a strength session, a day's protein and a
/// daily-totals CSV. Each is checked (a bad value or row is named and refused, the rest stored), stamped at the local
/// midnight of its day in the person's zone and written through the sync runner as provider <c>manual</c>, so a
/// <c>sync_run</c> is recorded and the adherence of the weeks it touches is recomputed. An entry for a person the
/// state store does not know is refused whole (<see cref="PersonNotFoundException"/>).
/// </summary>
public sealed class ManualEntries(SyncRunner runner, IUserStore users, TimeProvider time, ILogger<ManualEntries> logger)
{
    public const string SessionDataKind = "strength_session";
    public const string ProteinDataKind = "protein";
    public const string DailyTotalsDataKind = "daily_totals";
    public const int MaxSessionMinutes = 600;

    /// <summary>The session kinds a person can log (the <c>kind</c> tag of <c>strength_session</c>).</summary>
    public static IReadOnlyList<string> SessionKindNames { get; } =
        [SessionKinds.Weights, SessionKinds.StrengthTraining, SessionKinds.CircuitTraining, SessionKinds.Bodyweight, SessionKinds.Other];

    /// <summary>A session of <paramref name="minutes"/> on <paramref name="date"/>; logging the same day and kind again corrects it.</summary>
    public async Task<ManualEntryResult> LogSessionAsync(string userId, DateOnly date, string kind, int minutes, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(userId, cancellationToken);
        var errors = DateErrors("date", date, zone).ToList();
        if (!SessionKindNames.Contains(kind, StringComparer.Ordinal))
        {
            errors.Add(new EntryError("kind", $"'{kind}' is not a session kind; use one of {string.Join(", ", SessionKindNames)}"));
        }

        if (minutes is < 1 or > MaxSessionMinutes)
        {
            errors.Add(new EntryError("minutes", string.Create(CultureInfo.InvariantCulture, $"{minutes} is not a session length; give 1 to {MaxSessionMinutes} minutes")));
        }

        if (errors.Count > 0)
        {
            return Refused(userId, SessionDataKind, errors);
        }

        var point = ManualPoints.Session(userId, date, kind, minutes, zone);
        var entry = new StoredEntry("entry", date, point.Timestamp, Measurements.StrengthSession, kind, new Dictionary<string, double> { [F.StrengthSession.DurationS] = minutes * 60 });
        return await StoreAsync(userId, SessionDataKind, [(entry, point)], [], [], cancellationToken);
    }

    /// <summary>The protein of <paramref name="date"/> in grams, the day's total; giving it again replaces it.</summary>
    public async Task<ManualEntryResult> LogProteinAsync(string userId, DateOnly date, double grams, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(userId, cancellationToken);
        var errors = DateErrors("date", date, zone).ToList();
        if (DailyValues.Problem(F.NutritionDaily.ProteinG, grams) is { } wrong)
        {
            errors.Add(new EntryError("grams", wrong));
        }

        if (errors.Count > 0)
        {
            return Refused(userId, ProteinDataKind, errors);
        }

        var values = new Dictionary<string, double> { [F.NutritionDaily.ProteinG] = grams };
        var point = ManualPoints.Nutrition(userId, date, values, zone);
        return await StoreAsync(userId, ProteinDataKind, [(new StoredEntry("entry", date, point.Timestamp, Measurements.NutritionDaily, null, values), point)], [], [], cancellationToken);
    }

    /// <summary>A daily-totals CSV (see <see cref="DailyTotalsReader"/>): every good row stored, every bad one named by its line.</summary>
    public async Task<ManualEntryResult> ImportDailyTotalsAsync(string userId, Stream content, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(userId, cancellationToken);
        var read = DailyTotalsReader.Read(content);
        var errors = new List<EntryError>(read.Errors);
        var entries = new List<(StoredEntry, Point)>();
        foreach (var row in read.Rows)
        {
            if (DateErrors(row.Location, row.Date, zone).FirstOrDefault() is { } future)
            {
                errors.Add(future);
                continue;
            }

            var point = ManualPoints.Nutrition(userId, row.Date, row.Values, zone);
            entries.Add((new StoredEntry(row.Location, row.Date, point.Timestamp, Measurements.NutritionDaily, null, row.Values), point));
        }

        errors.Sort((a, b) => LineOf(a).CompareTo(LineOf(b)));
        return entries.Count == 0
            ? Refused(userId, DailyTotalsDataKind, errors) with { IgnoredColumns = read.IgnoredColumns }
            : await StoreAsync(userId, DailyTotalsDataKind, entries, errors, read.IgnoredColumns, cancellationToken);
    }

    private async Task<ManualEntryResult> StoreAsync(
        string userId, string dataKind, List<(StoredEntry Entry, Point Point)> entries, List<EntryError> errors, IReadOnlyList<string> ignoredColumns, CancellationToken cancellationToken)
    {
        foreach (var error in errors)
        {
            Log.EntryRefused(logger, userId, dataKind, error.Location, error.Reason);
        }

        var source = new ManualEntrySource(dataKind, [.. entries.Select(e => e.Point)]);
        var run = await runner.RunAsync(new SyncRequest(userId, null, SyncMode.Backfill), source, null, cancellationToken);
        var stored = entries.Select(e => e.Entry).ToList();
        if (run.Records < entries.Count)
        {
            errors.Add(new EntryError("InfluxDB", $"took {run.Records} of the {entries.Count} values ({run.Error}); the log names what it refused"));
            stored = [];
        }

        Log.EntriesStored(logger, userId, dataKind, stored.Count, errors.Count);
        return new ManualEntryResult(stored, errors, ignoredColumns, run);
    }

    private ManualEntryResult Refused(string userId, string dataKind, List<EntryError> errors)
    {
        foreach (var error in errors)
        {
            Log.EntryRefused(logger, userId, dataKind, error.Location, error.Reason);
        }

        return new ManualEntryResult([], errors, [], null);
    }

    private async Task<TimeZoneInfo> ZoneAsync(string userId, CancellationToken cancellationToken) =>
        await users.GetAsync(userId, cancellationToken) is null
            ? throw new PersonNotFoundException(userId)
            : await users.GetTimeZoneAsync(userId, cancellationToken);

    /// <summary>A day after the person's today (in their zone) is refused: nothing entered by hand can have happened yet.</summary>
    private IEnumerable<EntryError> DateErrors(string location, DateOnly date, TimeZoneInfo zone)
    {
        var today = LocalCalendar.LocalDate(time.GetUtcNow(), zone);
        if (date > today)
        {
            yield return new EntryError(location, $"{date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in {zone.Id})");
        }
    }

    private static int LineOf(EntryError error) =>
        int.TryParse(error.Location.AsSpan(error.Location.LastIndexOf(' ') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;
}
