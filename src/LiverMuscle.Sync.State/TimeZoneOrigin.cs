namespace LiverMuscle.Sync.State;

/// <summary>Where a person's time zone came from; a provider may replace it unless the person set it.</summary>
public enum TimeZoneOrigin
{
    /// <summary>UTC, the default until a provider reports the person's zone.</summary>
    Default,

    /// <summary>Reported by a provider (Google Health user settings, Withings measure answers).</summary>
    Provider,

    /// <summary>Set by the person (or for them); providers do not change it.</summary>
    Person,
}
