using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Providers.Ledger;

/// <summary>The stored form of one ledger: record id → entry.</summary>
internal sealed record LedgerDocument([property: JsonPropertyName("records")] Dictionary<string, LedgerEntry> Records);
