using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.GoogleHealth.Grants;
using LiverMuscle.Sync.Providers.Windows;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>What every Fitbit source reads with: the API client, the grant and time zone of the person, the ledger's batches, the options and the clock.</summary>
internal sealed record GoogleHealthReading(
    GoogleHealthApiClient Client,
    GoogleGrants Grants,
    GoogleTimeZone TimeZone,
    LedgerBatches Batches,
    IUserStore Users,
    IOptions<FitbitOptions> Options,
    TimeProvider Time);
