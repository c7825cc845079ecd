namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>One measure as Withings stores it: value × 10^unit, optional body position.</summary>
public sealed record SandboxMeasure(long? Value, int Type, int Unit, int? Position = null)
{
    public decimal? RealValue => Value is { } v ? v * (decimal)Math.Pow(10, Unit) : null;
}

/// <summary>A measure group (weigh-in) of a sandbox user. Mutable through the sandbox's test hooks only.</summary>
public sealed class SandboxGroup
{
    public required long GrpId { get; init; }

    public required int Attrib { get; init; }

    public required long Date { get; init; }

    public required long Created { get; init; }

    public long Modified { get; set; }

    public string? DeviceId { get; init; }

    public int? ModelId { get; init; }

    public string? Model { get; init; }

    public required List<SandboxMeasure> Measures { get; set; }

    public bool Deleted { get; set; }

    /// <summary>A weigh-in the user owns: not ambiguous, not an account-creation entry.</summary>
    public bool IsOwn => Attrib is not (1 or 4);

    public decimal? Weight => Measures.FirstOrDefault(m => m.Type == 1)?.RealValue;
}

/// <summary>A workout of a sandbox user.</summary>
public sealed class SandboxWorkout
{
    public required long Id { get; init; }

    public required int Category { get; set; }

    public required long StartDate { get; init; }

    public required long EndDate { get; init; }

    public long Modified { get; set; }

    public int Calories { get; init; }

    public int HrAverage { get; init; }

    public int PauseDuration { get; init; }

    /// <summary>Served with a <c>startdate</c> no client can read (a record to be reported and skipped).</summary>
    public bool Malformed { get; init; }

    public TimeSpan Duration => TimeSpan.FromSeconds(EndDate - StartDate);

    public bool Deleted { get; set; }
}

/// <summary>A sandbox user and everything Withings would hold for them.</summary>
internal sealed class SandboxUser(long userId, string timeZone)
{
    public long UserId { get; } = userId;

    /// <summary>The IANA zone the user lives in, as Withings answers carry it.</summary>
    public string TimeZone { get; set; } = timeZone;

    public List<SandboxGroup> Groups { get; } = [];

    public List<SandboxWorkout> Workouts { get; } = [];

    public HashSet<long> ServedGroups { get; } = [];

    public HashSet<long> ServedWorkouts { get; } = [];

    public List<(int Appli, Uri Callback)> Subscriptions { get; } = [];

    public int Refreshes { get; set; }
}
