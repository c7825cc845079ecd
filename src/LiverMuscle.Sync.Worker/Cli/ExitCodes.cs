namespace LiverMuscle.Sync.Worker.Cli;

/// <summary>The process exit codes every verb uses (README, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>The work failed (a sync failed, every record was refused, a notifier failed).</summary>
    public const int Failed = 1;

    /// <summary>The command line or the configuration is wrong; the message names what to change.</summary>
    public const int Usage = 2;

    /// <summary>Some records were refused and named; the rest was stored.</summary>
    public const int SomeRejected = 3;

    /// <summary>Data was kept in the write spool because InfluxDB could not take it; it is replayed later.</summary>
    public const int Spooled = 4;

    /// <summary>The state store cannot be used (file rights, key, a damaged or foreign file).</summary>
    public const int StateStore = 5;

    /// <summary>A service the verb needs cannot be reached (InfluxDB for a read, a port already in use).</summary>
    public const int Unavailable = 6;

    /// <summary>Stopped by Ctrl+C or SIGTERM before the work was done (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>A bug: an unexpected exception (its stack trace is shown with --verbose).</summary>
    public const int InternalError = 70;
}
