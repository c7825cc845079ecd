namespace LiverMuscle.Sync.State;

/// <summary>What reporting a provider's time zone for a person did.</summary>
public enum ProviderTimeZoneOutcome
{
    /// <summary>The person's zone is now the provider's.</summary>
    Updated,

    /// <summary>The person already had that zone.</summary>
    Unchanged,

    /// <summary>The person set their zone themselves; it stays.</summary>
    KeptPersonsOwn,

    /// <summary>The person's zone came from another provider; it stays.</summary>
    KeptOtherProvidersZone,

    /// <summary>The zone is not an IANA id this machine knows; nothing changed.</summary>
    UnknownZone,

    /// <summary>No such person.</summary>
    UnknownPerson,
}
