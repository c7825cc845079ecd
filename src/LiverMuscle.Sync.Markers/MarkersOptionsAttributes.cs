using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

[OptionsValidator]
internal sealed partial class MarkersOptionsAttributes : IValidateOptions<MarkersOptions>;
