namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// An entry that was not stored: where it is and why, in one line. The location is a line of an upload
/// (<c>line 4</c>), <see cref="File"/> for an upload refused as a whole, or the value of a single entry
/// (<c>minutes</c>, <c>date</c>).
/// </summary>
public sealed record EntryError(string Location, string Reason)
{
    public const string File = "file";

    /// <summary>Whether this names a line of an upload (the other lines may have been stored).</summary>
    public bool IsRow => Location.StartsWith("line ", StringComparison.Ordinal);

    public override string ToString() => $"{Location}: {Reason}";
}
