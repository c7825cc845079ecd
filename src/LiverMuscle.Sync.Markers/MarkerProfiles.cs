using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

/// <summary>
/// What FIB-4, the muscle mass index and sex-specific thresholds know of a person: their stored birth date, sex and
/// height, each falling back to the configuration seed <c>Markers:Users:ID</c> when they have not set it.
/// </summary>
public sealed class MarkerProfiles(IPersonStore people, IOptionsMonitor<MarkersOptions> options)
{
    public async Task<MarkerUserProfile> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var seed = options.CurrentValue.Users.GetValueOrDefault(userId);
        var own = await people.GetAsync(userId, cancellationToken);
        return new MarkerUserProfile
        {
            BirthDate = own?.BirthDate ?? seed?.BirthDate,
            Sex = own?.Sex ?? seed?.Sex,
            HeightM = own?.HeightM ?? seed?.HeightM,
        };
    }
}
