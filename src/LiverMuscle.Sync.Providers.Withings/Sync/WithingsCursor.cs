using System.Globalization;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// The saved position of one (user, data kind): the <c>lastupdate</c> value for incremental runs, and while a
/// backfill is under way the start of its current window and the offset reached inside it, so a restart resumes at
/// the first page not yet written, and once it is done how far back history is complete. Text form:
/// <c>lu=…;bf=…;off=…;bs=…</c>.
/// </summary>
public sealed record WithingsCursor(long? LastUpdate, long? BackfillAt = null, long BackfillOffset = 0, long? BackfilledFrom = null)
{
    public static WithingsCursor Empty { get; } = new((long?)null);

    public static WithingsCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        long? lu = null, bf = null, bs = null;
        long off = 0;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            switch (pair[0])
            {
                case "lu": lu = value; break;
                case "bf": bf = value; break;
                case "off": off = value; break;
                case "bs": bs = value; break;
            }
        }

        // A bare number is an older cursor holding only lastupdate.
        if (lu is null && bf is null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bare))
        {
            lu = bare;
        }

        return new WithingsCursor(lu, bf, off, bs);
    }

    public string Format()
    {
        var parts = new List<string>();
        if (LastUpdate is { } lu)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"lu={lu}"));
        }

        if (BackfillAt is { } bf)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"bf={bf}"));
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"off={BackfillOffset}"));
        }

        if (BackfilledFrom is { } bs)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"bs={bs}"));
        }

        return string.Join(';', parts);
    }

    public override string ToString() => Format();
}
