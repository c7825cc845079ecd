namespace LiverMuscle.Sync.Adherence.Tests;

[Trait("Category", "Unit")]
public sealed class CalculatorTests
{
    [Fact]
    public void Compute_TheSameWorkoutFromTwoSources_CountsOnce_WithTheTimeTheyCoverTogether()
    {
        var monday = new DateOnly(2026, 11, 16);
        var at = new DateTimeOffset(2026, 11, 17, 17, 0, 0, TimeSpan.Zero);
        var data = new WeekData(
            [(at, 3600), (at.AddMinutes(5), 3600), (at.AddDays(2), 1800)],
            [],
            []);

        var week = AdherenceCalculator.Compute("ann", monday, TimeZoneInfo.Utc, new ResolvedGoals(2, null, 1.2), data);

        Assert.Equal(2, week.Sessions);
        Assert.Equal(65 + 30, week.ResistanceMinutes);
    }
}
