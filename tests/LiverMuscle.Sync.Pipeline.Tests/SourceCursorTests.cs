using LiverMuscle.Sync.Providers.Persistence;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

[Trait("Category", "Unit")]
public sealed class SourceCursorTests
{
    [Theory]
    [InlineData("lu=100", 100L, null, 0L, null)]
    [InlineData("lu=100;bf=200;off=50;bs=10", 100L, 200L, 50L, 10L)]
    [InlineData("12345", 12345L, null, 0L, null)]
    public void WithingsText_IsReadOnce_AndRoundTripsAsJson(string text, long? lu, long? bf, long off, long? bs)
    {
        var cursor = SourceCursor.Parse(text);

        Assert.Equal(new SourceCursor { ChangesSince = lu, BackfillAt = Unix(bf), BackfillOffset = off, CompleteFrom = Unix(bs) }, cursor);
        Assert.StartsWith("{", cursor.Format(), StringComparison.Ordinal);
        Assert.Equal(cursor, SourceCursor.Parse(cursor.Format()));
    }

    [Theory]
    [InlineData("at=2025-03-01;empty=2", "2025-03-01", 2, null)]
    [InlineData("done=2023-11-25", null, 0, "2023-11-25")]
    public void FitbitText_IsReadOnce_AndRoundTripsAsJson(string text, string? at, int empty, string? done)
    {
        var cursor = SourceCursor.Parse(text);

        Assert.Equal(new SourceCursor { BackfillAt = Day(at), EmptyWindows = empty, CompleteFrom = Day(done) }, cursor);
        Assert.Equal(cursor, SourceCursor.Parse(cursor.Format()));
    }

    [Fact]
    public void Format_OmitsWhatIsNotSet() =>
        Assert.Equal("""{"changesSince":1795730500}""", new SourceCursor { ChangesSince = 1795730500 }.Format());

    private static DateTimeOffset? Unix(long? seconds) => seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private static DateTimeOffset? Day(string? day) => day is null ? null : new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
