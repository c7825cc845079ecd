namespace LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;

/// <summary>Timestamp precision of written lines.</summary>
public enum WritePrecision
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
}

internal static class WritePrecisionExtensions
{
    /// <summary>The <c>precision</c> query value of the 1.x <c>/write</c> endpoint (1.6 treats unknown values as ns).</summary>
    public static string QueryValue(this WritePrecision precision) => precision switch
    {
        WritePrecision.Nanoseconds => "n",
        WritePrecision.Microseconds => "u",
        WritePrecision.Milliseconds => "ms",
        _ => "s",
    };

    public static long ToEpoch(this WritePrecision precision, DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return precision switch
        {
            WritePrecision.Nanoseconds => ticks * 100,
            WritePrecision.Microseconds => ticks / 10,
            WritePrecision.Milliseconds => ticks / TimeSpan.TicksPerMillisecond,
            _ => ticks / TimeSpan.TicksPerSecond,
        };
    }
}
