using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// One provider of one person: whether the connector is configured, the connection (status, reason, token expiry;
/// never shown are the tokens), the data kinds its grant leaves out, the last sync, when the scheduler is expected to
/// poll next, and whether a console sync runs now.
/// </summary>
internal sealed record ProviderStatus(
    string Provider, bool Configured, ProviderConnection? Connection, IReadOnlyList<DataKindNotGranted> NotGranted, SyncRunRecord? LastRun, DateTimeOffset? NextPoll, bool Syncing)
{
    public bool Connected => Connection is { Status: ConnectionStatus.Connected, Token: not null };

    public bool NeedsReauthorization => Connection?.Status == ConnectionStatus.NeedsReauthorization;

    public string DisplayName => Provider switch
    {
        "withings" => "Withings",
        "fitbit" => "Fitbit (Google)",
        _ => Provider,
    };
}
