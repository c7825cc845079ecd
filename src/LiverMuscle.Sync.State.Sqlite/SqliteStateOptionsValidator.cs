using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State.Sqlite;

[OptionsValidator]
internal sealed partial class SqliteStateOptionsValidator : IValidateOptions<SqliteStateOptions>;
