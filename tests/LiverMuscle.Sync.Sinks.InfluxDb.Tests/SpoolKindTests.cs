using System.Text;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

[Trait("Category", "Unit")]
public sealed class SpoolKindTests
{
    [Theory]
    [InlineData(WritePrecision.Seconds, "line-protocol")]
    [InlineData(WritePrecision.Milliseconds, "line-protocol;ms")]
    [InlineData(WritePrecision.Nanoseconds, "line-protocol;n")]
    public void SpooledLines_KeepThePrecisionTheyWereEncodedIn(WritePrecision precision, string kind)
    {
        var batch = WriteBatch.Lines(Encoding.UTF8.GetBytes("m f=1 1500\n"), null, precision);

        Assert.Equal(kind, batch.SpoolKind);
        var replayed = WriteBatch.FromSpool(batch.SpoolKind, batch.Payload);
        Assert.Equal((WriteBatchKind.Lines, precision), (replayed.Kind, replayed.Precision));
    }

    [Fact]
    public void LinesSpooledBeforePrecisionWasRecorded_AreWholeSeconds() =>
        Assert.Equal(WritePrecision.Seconds, WriteBatch.FromSpool("line-protocol", Encoding.UTF8.GetBytes("m f=1 1\n")).Precision);

    [Fact]
    public void AnUnknownPrecision_IsRefusedNamingTheKind() =>
        Assert.Contains("line-protocol;weeks", Assert.Throws<InvalidDataException>(() => WriteBatch.FromSpool("line-protocol;weeks", [])).Message, StringComparison.Ordinal);
}
