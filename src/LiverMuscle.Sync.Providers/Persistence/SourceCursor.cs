using System.Text.Json;

namespace LiverMuscle.Sync.Providers.Persistence;

/// <summary>
/// Where one (user, provider, data kind) stands, saved as the sync cursor once everything before it is durable:
/// the provider's change-feed position, a running backfill's window and offset (a restart resumes at the first page
/// not yet written), and how far back history is complete once a backfill finished.
/// </summary>
public sealed record SourceCursor
{
    public static SourceCursor Empty { get; } = new();

    /// <summary>The change-feed position (Withings <c>lastupdate</c>, unix seconds).</summary>
    public long? ChangesSince { get; init; }

    /// <summary>While a backfill runs: the start of the window it is in (walking forward) or of the oldest window written (walking back).</summary>
    public DateTimeOffset? BackfillAt { get; init; }

    /// <summary>The page offset reached inside the window at <see cref="BackfillAt"/>.</summary>
    public long BackfillOffset { get; init; }

    /// <summary>Windows in a row that held nothing, for a backfill walking back without a start date.</summary>
    public int EmptyWindows { get; init; }

    /// <summary>History is complete from this instant on (a backfill back to it finished).</summary>
    public DateTimeOffset? CompleteFrom { get; init; }

    /// <summary>A saved cursor, JSON or one of the older text forms; empty when there is none.</summary>
    public static SourceCursor Parse(string? text) => text?.TrimStart() switch
    {
        null or "" => Empty,
        ['{', ..] => JsonSerializer.Deserialize(text, PersistedStateJsonContext.Default.SourceCursor) ?? Empty,
        _ => LegacyCursorText.Parse(text),
    };

    public string Format() => JsonSerializer.Serialize(this, PersistedStateJsonContext.Default.SourceCursor);

    public override string ToString() => Format();
}
