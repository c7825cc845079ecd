using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class HistoryTests
{
    private static readonly HashSet<string> Strength = ["WEIGHTLIFTING", "STRENGTH_TRAINING", "WEIGHTS", "CIRCUIT_TRAINING", "CALISTHENICS", "FUNCTIONAL_STRENGTH_TRAINING", "POWERLIFTING"];

    [Fact]
    public async Task SameSeed_SameUsersAndData_OtherSeed_Different()
    {
        await using var a = await SandboxHarness.StartAsync(o => o.Users = 2);
        await using var b = await SandboxHarness.StartAsync(o => o.Users = 2);
        await using var c = await SandboxHarness.StartAsync(o => { o.Users = 2; o.Seed = 7; });

        Assert.Equal(a.Sandbox.UserIds, b.Sandbox.UserIds);
        Assert.Equal(a.Sandbox.Exercises(a.User), b.Sandbox.Exercises(b.User));
        Assert.Equal(a.Sandbox.NutritionLogs(a.User), b.Sandbox.NutritionLogs(b.User));
        Assert.Equal(a.Sandbox.Weights(a.User), b.Sandbox.Weights(b.User));
        Assert.NotEqual(a.Sandbox.UserIds, c.Sandbox.UserIds);
        Assert.All(a.Sandbox.UserIds, id => Assert.Matches("^[1-9][0-9]{18}$", id));
    }

    [Fact]
    public async Task History_LooksLikeALifterWhoLogsFoodAndWeighsIn()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 180);
        var exercises = h.Sandbox.Exercises(h.User);
        var logs = h.Sandbox.NutritionLogs(h.User);
        var weights = h.Sandbox.Weights(h.User);
        var fats = h.Sandbox.BodyFats(h.User);
        var offset = h.Sandbox.UtcOffset(h.User);

        var sessions = exercises.Where(e => Strength.Contains(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(30)).ToList();
        Assert.InRange(sessions.Count / (180 / 7.0), 2, 3);
        Assert.All(sessions, s => Assert.InRange((s.End - s.Start).TotalMinutes, 30, 76));
        Assert.Contains(exercises, e => e.ExerciseType is "RUNNING" or "WALKING");
        Assert.Contains(exercises, e => e.ExerciseType == "STRENGTH_TRAINING" && e.End - e.Start <= TimeSpan.FromMinutes(2) && e.RecordingMethod == "PASSIVELY_MEASURED");
        Assert.Contains(exercises, e => e.ExerciseType == "UNDERWATER_HOCKEY_V2");
        Assert.All(exercises, e => Assert.Equal(offset, e.UtcOffset));
        Assert.All(exercises, e => Assert.True(e.End <= SandboxHarness.Start));

        var perDay = logs.GroupBy(l => (l.Start.UtcDateTime + offset).Date).ToList();
        Assert.InRange(perDay.Count, 140, 175);
        Assert.All(perDay, d => Assert.InRange(d.Count(), 2, 5));
        Assert.All(logs, l => Assert.InRange(l.ProteinGrams!.Value, 5, 60));

        Assert.InRange(weights.Count, 120, 170);
        Assert.InRange(fats.Count, weights.Count / 2, weights.Count - 1);
        Assert.All(weights.Zip(weights.Skip(1)), pair => Assert.InRange(Math.Abs(pair.Second.Value - pair.First.Value), 0, 2_500));
    }

    [Theory]
    [InlineData(nameof(GoogleHealthSandboxOptions.HistoryDays))]
    [InlineData(nameof(GoogleHealthSandboxOptions.RequestsPerMinutePerUser))]
    [InlineData(nameof(GoogleHealthSandboxOptions.UnknownExerciseTypeEvery))]
    public async Task NonsensicalOptions_AreRefusedAtStart_NamingTheSetting(string key)
    {
        var options = new GoogleHealthSandboxOptions();
        typeof(GoogleHealthSandboxOptions).GetProperty(key)!.SetValue(options, -1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => GoogleHealthSandbox.StartAsync(options, CancellationToken.None));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownExerciseTypes_CanBeSwitchedOff()
    {
        await using var h = await SandboxHarness.StartAsync(o => { o.HistoryDays = 180; o.UnknownExerciseTypeEvery = 0; });

        Assert.DoesNotContain(h.Sandbox.Exercises(h.User), e => e.ExerciseType == "UNDERWATER_HOCKEY_V2");
    }
}
