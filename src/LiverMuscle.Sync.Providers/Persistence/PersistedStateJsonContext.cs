using System.Text.Json.Serialization;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Ledger;

namespace LiverMuscle.Sync.Providers.Persistence;

/// <summary>
/// The one serializer of what the provider kit keeps in the state store: cursors, ledgers and the request budget's
/// windows. camelCase, defaults omitted, so a cursor reads like <c>{"changesSince":1795730500}</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(SourceCursor))]
[JsonSerializable(typeof(LedgerDocument))]
[JsonSerializable(typeof(BudgetDocument))]
internal sealed partial class PersistedStateJsonContext : JsonSerializerContext;
