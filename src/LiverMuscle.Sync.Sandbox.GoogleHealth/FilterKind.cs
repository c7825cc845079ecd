namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>How a data type is listed and filtered.</summary>
internal enum FilterKind
{
    /// <summary>Session types: only <c>interval.civil_start_time</c> (local date or date-time).</summary>
    CivilStart,

    /// <summary>Sample types: <c>sample_time.physical_time</c> (RFC 3339).</summary>
    SampleTime,

    /// <summary>Interval types such as steps: <c>interval.start_time</c> and <c>interval.civil_start_time</c>.</summary>
    Interval,

    /// <summary>Sleep: end-based members only.</summary>
    IntervalEnd,

    /// <summary>No filter members (catalogue types).</summary>
    None,
}
