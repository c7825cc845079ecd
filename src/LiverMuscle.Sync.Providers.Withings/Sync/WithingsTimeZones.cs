using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// Reports the zone Withings' answers carry to the person store: it becomes the person's unless they set their own;
/// a zone this machine does not know changes nothing.
/// </summary>
internal sealed class WithingsTimeZones(IPersonStore people, ILogger<WithingsTimeZones> logger)
{
    public async Task ReportAsync(string userId, string? zone, CancellationToken cancellationToken)
    {
        if (zone is null)
        {
            return;
        }

        switch (await people.ReportProviderTimeZoneAsync(userId, ProviderNames.Withings, zone, cancellationToken))
        {
            case ProviderTimeZoneOutcome.Updated:
                Log.TimeZoneReported(logger, userId, zone);
                break;
            case ProviderTimeZoneOutcome.UnknownZone:
                Log.UnknownTimeZone(logger, userId, zone);
                break;
        }
    }
}
