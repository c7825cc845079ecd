using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

[OptionsValidator]
internal sealed partial class MarkerUserProfileAttributes : IValidateOptions<MarkerUserProfile>;
