using System.Collections.Concurrent;
using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>Recomputes <c>adherence_weekly</c> of the local weeks a time span touches and writes the points.</summary>
public sealed class AdherenceService(
    AdherenceReader reader,
    IPointSink sink,
    IUserStore users,
    AdherenceGoalResolver goals,
    IOptionsMonitor<AdherenceOptions> options,
    TimeProvider time,
    ILogger<AdherenceService> logger)
{
    /// <summary>Weeks read back in one go: half a year stays far below any row limit an InfluxDB may set.</summary>
    private const int WeeksPerRead = 26;

    /// <summary>One recompute of a person at a time: two at once (syncs of both providers ending together) could write a week read before the other's points landed last.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _recomputing = new(StringComparer.Ordinal);

    /// <summary>Every local week overlapping [<paramref name="from"/>, <paramref name="to"/>] of the user.</summary>
    public async Task<IReadOnlyList<AdherenceWeek>> RecomputeAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var turn = _recomputing.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await RecomputeInTurnAsync(userId, from, to, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<IReadOnlyList<AdherenceWeek>> RecomputeInTurnAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var zoneRead = users.GetTimeZoneAsync(userId, cancellationToken);
        var goalsRead = goals.GoalsOfAsync(userId, cancellationToken);
        var (zone, own) = (await zoneRead, await goalsRead);
        var settings = options.CurrentValue;
        var span = LocalCalendar.WeeksBetween(from, to, zone)
            .Select(week => (Start: week, From: LocalCalendar.StartOfDayUtc(week, zone), To: LocalCalendar.StartOfDayUtc(week.AddDays(7), zone)))
            .ToList();

        // One read per chunk of weeks, each week computed from its part: a few queries for a backfill of years, two
        // chunks read side by side.
        var weeks = new List<AdherenceWeek>();
        foreach (var pair in span.Chunk(WeeksPerRead).Chunk(2))
        {
            var computed = await Task.WhenAll(pair.Select(async chunk =>
            {
                var data = await reader.ReadAsync(userId, chunk[0].From, chunk[^1].To, settings.WeightLookback, cancellationToken);
                return chunk.Select(week => AdherenceCalculator.Compute(userId, week.Start, zone, own, data.Within(week.From, week.To, settings.WeightLookback)));
            }));
            weeks.AddRange(computed.SelectMany(w => w));
        }

        if (weeks.Count > 0)
        {
            await sink.DeleteAsync(EarlierStamps(userId, weeks[0].WeekStart, weeks[^1].WeekStart), cancellationToken);
            await sink.WriteAsync(weeks.Select(ToPoint).ToList(), cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var firstWeek = weeks[0].WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Log.Recomputed(logger, userId, weeks.Count, firstWeek);
            }
        }

        return weeks;
    }

    /// <summary>The current and the previous <see cref="AdherenceOptions.RecomputeWeeks"/> − 1 weeks of every user.</summary>
    public async Task RecomputeRecentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = now.AddDays(-7 * (options.CurrentValue.RecomputeWeeks - 1));
        foreach (var user in await users.ListAsync(cancellationToken))
        {
            await RecomputeAsync(user.Id, from, now, cancellationToken);
        }
    }

    /// <summary>The user's week containing <paramref name="instant"/>, without writing it.</summary>
    public async Task<AdherenceWeek> ComputeWeekAsync(string userId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var zone = await users.GetTimeZoneAsync(userId, cancellationToken);
        var settings = options.CurrentValue;
        var weekStart = LocalCalendar.WeekStart(LocalCalendar.LocalDate(instant, zone));
        var data = await reader.ReadAsync(userId, LocalCalendar.StartOfDayUtc(weekStart, zone), LocalCalendar.StartOfDayUtc(weekStart.AddDays(7), zone), settings.WeightLookback, cancellationToken);
        return AdherenceCalculator.Compute(userId, weekStart, zone, await goals.GoalsOfAsync(userId, cancellationToken), data);
    }

    /// <summary>
    /// The points these weeks got under a zone the person had before (a provider told it later, or they moved): every
    /// zone's Monday midnight lies between 14 h before and 12 h after UTC's, and weeks are 7 days apart, so deleting
    /// that stretch around each recomputed Monday leaves one point per week.
    /// </summary>
    private static PointDeletion EarlierStamps(string userId, DateOnly firstWeek, DateOnly lastWeek) => new(
        Measurements.AdherenceWeekly,
        new Dictionary<string, string>(StringComparer.Ordinal) { [TagNames.User] = userId },
        UtcMidnight(firstWeek).AddHours(-14),
        UtcMidnight(lastWeek).AddHours(12));

    private static DateTimeOffset UtcMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static Point ToPoint(AdherenceWeek week) => PointBuilder.For(Measurements.AdherenceWeekly)
        .Tag(TagNames.User, week.UserId)
        .Field(FieldNames.AdherenceWeekly.Sessions, (long)week.Sessions)
        .Field(FieldNames.AdherenceWeekly.SessionsGoal, (long)week.SessionsGoal)
        .Field(FieldNames.AdherenceWeekly.ResistanceMin, week.ResistanceMinutes)
        .Field(FieldNames.AdherenceWeekly.ProteinDaysMet, (long)week.ProteinDaysMet)
        .Field(FieldNames.AdherenceWeekly.ProteinDaysLogged, (long)week.ProteinDaysLogged)
        .Field(FieldNames.AdherenceWeekly.ProteinGoalGPerKg, week.ProteinGoalGPerKg)
        .Field(FieldNames.AdherenceWeekly.ScorePct, week.ScorePct)
        .Field(FieldNames.AdherenceWeekly.LocalDate, week.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .At(week.WeekStartUtc)
        .Build();
}
