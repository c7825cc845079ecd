namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>The state of a bearer token presented to the API.</summary>
internal enum TokenCheck
{
    Ok,
    Missing,
    Unknown,
    Expired,
}
