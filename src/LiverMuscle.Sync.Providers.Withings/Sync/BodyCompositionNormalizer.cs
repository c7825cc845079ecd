using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Withings.Api;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.BodyComposition;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// Measure groups → <c>body_composition</c> points, one per weigh-in, identity user + source + time (+ device).
/// Ambiguous (attrib 1) and account-creation (attrib 4) groups and goals (category 2) are dropped; a measure repeated
/// in a group (Body Scan sends types 5 and 8 twice) is kept once per (type, position); manual entries (attrib 2) are
/// kept with <c>manual</c>=true; the device tag is the model name, never the device id (a point of a model whose tag an
/// earlier version spelled otherwise names that tag, so the old point is replaced). A group that cannot be read
/// (no measures, a measure without value, a value out of range) is reported with its grpid and skipped.
/// </summary>
internal static class BodyCompositionNormalizer
{
    public static RecordRead Normalize(string userId, IEnumerable<MeasureGroup> groups)
    {
        var records = new List<SourceRecord>();
        var errors = new List<RecordError>();
        foreach (var group in groups)
        {
            if (IsForeign(group))
            {
                continue;
            }

            var id = group.GrpId.ToString(CultureInfo.InvariantCulture);
            var outcome = TryNormalize(userId, group, out var point);
            if (outcome is { } reason)
            {
                errors.Add(new RecordError(id, reason));
            }
            else if (point is not null)
            {
                records.Add(new SourceRecord(id, point) { FormerTags = FormerTags(point, group.Model) });
            }
        }

        return new RecordRead(records, errors);
    }

    /// <summary>Groups that are not this user's real measures: ambiguous, account-creation entries, goals.</summary>
    public static bool IsForeign(MeasureGroup group) => group.Attrib is 1 or 4 || group.Category == 2;

    /// <summary>Null when the group was read (point null when it held no body-composition measure), else the reason.</summary>
    private static string? TryNormalize(string userId, MeasureGroup group, out Point? point)
    {
        point = null;
        if (group.Date <= 0)
        {
            return $"measure group {group.GrpId} has no valid date ({group.Date})";
        }

        if (group.Measures is not { Count: > 0 } measures)
        {
            return $"measure group {group.GrpId} has no measures";
        }

        var builder = PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Withings)
            .Tag(TagNames.Device, DeviceTag(group.Model))
            .At(DateTimeOffset.FromUnixTimeSeconds(group.Date));
        var seen = new HashSet<(int Type, int? Position)>();
        var any = false;
        foreach (var measure in measures)
        {
            if (!seen.Add((measure.Type, measure.Position)))
            {
                continue;
            }

            var field = FieldOf(measure);
            if (field is null)
            {
                continue;
            }

            if (ValueOf(measure) is not { } value)
            {
                return $"measure group {group.GrpId}: meastype {measure.Type} has no usable value ({measure.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"} × 10^{measure.Unit})";
            }

            builder.Field(field, value);
            any = true;
        }

        if (!any)
        {
            return null;
        }

        builder.Field(F.SourceId, group.GrpId.ToString(CultureInfo.InvariantCulture)).Field(F.Manual, group.Attrib == 2);
        if (!builder.TryBuild(out var built, out var error))
        {
            return $"measure group {group.GrpId}: {error}";
        }

        point = built;
        return null;
    }

    private static string? FieldOf(Measure measure)
    {
        if (MeasureTypes.WholeBody.TryGetValue(measure.Type, out var field))
        {
            return field;
        }

        return measure.Type switch
        {
            MeasureTypes.SegmentMuscleMass when MeasureTypes.Segment(measure.Position) is { } s => F.SegmentMuscleMassKg(s),
            MeasureTypes.SegmentFatMass when MeasureTypes.Segment(measure.Position) is { } s => F.SegmentFatMassKg(s),
            _ => null,
        };
    }

    /// <summary>value × 10^unit computed in decimal, so 68450 × 10^-3 is exactly the double nearest 68.45.</summary>
    public static double? ValueOf(Measure measure)
    {
        if (measure.Value is not { } raw || measure.Unit is < -18 or > 18)
        {
            return null;
        }

        try
        {
            var scaled = measure.Unit >= 0 ? raw * Pow10(measure.Unit) : raw / Pow10(-measure.Unit);
            var value = (double)scaled;
            return double.IsFinite(value) && value >= 0 ? value : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// A low-cardinality device tag: the model name as a slug that keeps models apart ("Body Comp" → body_comp,
    /// "Body+" → body_plus, "Body" → body); none for manual entries.
    /// </summary>
    public static string? DeviceTag(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var slug = new StringBuilder();
        foreach (var c in model.Trim().ToLowerInvariant())
        {
            slug.Append(c switch
            {
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                '+' => "_plus",
                _ => "_",
            });
        }

        return slug.ToString().Trim('_');
    }

    /// <summary>
    /// The tags an earlier version wrote the point with when its device slug differs: it dropped '+' ("Body+" was
    /// <c>body</c>, like "Body").
    /// </summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> FormerTags(Point point, string? model)
    {
        var former = model is null ? null : new string([.. model.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]).Trim('_');
        if (former is null || former == DeviceTag(model))
        {
            return [];
        }

        return [new Dictionary<string, string>(point.Tags.ToDictionary()) { [TagNames.Device] = former }];
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
