using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.People;

/// <summary><c>manifest.json</c> of a person's export: who, when, and every file with what it holds.</summary>
public sealed record PersonExportManifest(string Format, string Person, string DisplayName, DateTimeOffset ExportedAt, IReadOnlyList<PersonExportFile> Files);

public sealed record PersonExportFile(string Name, string Contents, int Rows, IReadOnlyList<string> Columns);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PersonExportManifest))]
internal sealed partial class PeopleJsonContext : JsonSerializerContext;
