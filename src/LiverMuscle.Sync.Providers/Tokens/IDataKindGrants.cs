using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// For a provider whose consent screen lets a person grant its data kinds one by one (Google): which of them a
/// connection's grant leaves out, each with the line saying how to grant it. A data kind that is not granted is not
/// read and does not fail the run; the others sync as usual.
/// </summary>
public interface IDataKindGrants
{
    string Provider { get; }

    IReadOnlyList<DataKindNotGranted> NotGranted(ProviderConnection connection);
}

/// <summary>A data kind (or another part of a provider's data, such as the time zone) a grant leaves out, and how to grant it.</summary>
public sealed record DataKindNotGranted(string DataKind, string Remedy);
