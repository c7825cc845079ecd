using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Adherence;

/// <summary>
/// The weekly adherence arithmetic. Overlapping sessions (the same workout from two sources) count once. A protein day is logged when protein was recorded for that local day, and met
/// when protein ÷ the latest weight on or before that day (of the person's preferred weight source when it has one) reaches the goal. The score is the mean of the goals'
/// fulfilment (sessions ÷ goal, capped at 1; protein days met ÷ 7; minutes ÷ goal when a minutes goal is set), in %.
/// </summary>
internal static class AdherenceCalculator
{
    public static AdherenceWeek Compute(string userId, DateOnly weekStart, TimeZoneInfo zone, ResolvedGoals goals, WeekData data)
    {
        var start = LocalCalendar.StartOfDayUtc(weekStart, zone);
        var end = LocalCalendar.StartOfDayUtc(weekStart.AddDays(7), zone);
        var sessions = Merge(data.Sessions.Where(s => s.Start >= start && s.Start < end));
        var minutes = Math.Round(sessions.Sum(s => (s.End - s.Start).TotalSeconds) / 60.0, 2);

        var proteinByDay = data.Protein
            .GroupBy(p => LocalCalendar.LocalDate(p.Day, zone))
            .ToDictionary(g => g.Key, g => g.Max(p => p.ProteinG));
        int logged = 0, met = 0;
        for (var day = weekStart; day < weekStart.AddDays(7); day = day.AddDays(1))
        {
            if (!proteinByDay.TryGetValue(day, out var protein))
            {
                continue;
            }

            logged++;
            var dayEnd = LocalCalendar.StartOfDayUtc(day.AddDays(1), zone);
            var weight = data.WeightBefore(dayEnd);
            // A small tolerance so 96 g at 80 kg counts as the 1.2 g/kg it is.
            if (weight > 0 && protein / weight >= goals.ProteinGPerKgPerDay - 1e-9)
            {
                met++;
            }
        }

        var parts = new List<double>
        {
            goals.SessionsPerWeek == 0 ? 1 : Math.Min(1, sessions.Count / (double)goals.SessionsPerWeek),
            met / 7.0,
        };
        if (goals.ResistanceMinutesPerWeek is double minutesGoal and > 0)
        {
            parts.Add(Math.Min(1, minutes / minutesGoal));
        }

        return new AdherenceWeek(userId, weekStart, start, sessions.Count, goals.SessionsPerWeek, minutes, met, logged,
            goals.ProteinGPerKgPerDay, Math.Round(parts.Average() * 100, 1));
    }

    /// <summary>
    /// One workout recorded by two sources (a watch and the scale maker's app) gives two overlapping sessions: they
    /// count as one, lasting the time they cover together.
    /// </summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<(DateTimeOffset Start, double DurationS)> sessions)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (from, seconds) in sessions.OrderBy(s => s.Start))
        {
            var to = from.AddSeconds(Math.Max(0, seconds));
            if (merged.Count > 0 && from < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, to > merged[^1].End ? to : merged[^1].End);
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }
}
