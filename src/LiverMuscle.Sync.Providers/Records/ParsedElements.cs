using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Records;

/// <summary>The elements of a list that deserialized, and one error per element that did not.</summary>
public sealed record ParsedElements<T>(IReadOnlyList<T> Items, IReadOnlyList<RecordError> Errors);
