using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web;

[OptionsValidator]
internal sealed partial class ConsoleOptionsAttributes : IValidateOptions<ConsoleOptions>;
