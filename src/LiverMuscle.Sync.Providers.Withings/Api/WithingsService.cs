namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>The Withings service a data call goes to.</summary>
internal enum WithingsService
{
    /// <summary><c>/measure</c> (getmeas).</summary>
    Measure,

    /// <summary><c>/v2/measure</c> (getworkouts).</summary>
    MeasureV2,

    /// <summary><c>/notify</c> (subscribe, list, revoke).</summary>
    Notify,
}
