using System.Collections.Frozen;

namespace LiverMuscle.Sync.Markers.Catalog;

/// <summary>The markers LiverMuscle.Sync knows, each with one canonical unit (the unit stored in InfluxDB).</summary>
public static class MarkerCatalog
{
    private static readonly UnitConversion[] Enzyme =
    [
        new("U/L", 1), new("IU/L", 1), new("µkat/L", 60), new("ukat/L", 60),
    ];

    private static readonly FrozenDictionary<string, MarkerDefinition> ById = Build().ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, MarkerDefinition> ByLoinc = ById.Values
        .SelectMany(d => d.LoincCodes.Select(code => (code, d)))
        .ToFrozenDictionary(p => p.code, p => p.d, StringComparer.Ordinal);

    public static IReadOnlyCollection<MarkerDefinition> All => ById.Values;

    public static MarkerDefinition? Find(string id) => ById.GetValueOrDefault(id.Trim().ToLowerInvariant());

    public static MarkerDefinition? FindByLoinc(string code) => ByLoinc.GetValueOrDefault(code.Trim());

    private static IEnumerable<MarkerDefinition> Build()
    {
        yield return new(MarkerIds.Alt, "ALT", "U/L", Enzyme, 1, 5000, ["1742-6", "1743-4", "1744-2", "76625-3"]);
        yield return new(MarkerIds.Ast, "AST", "U/L", Enzyme, 1, 5000, ["1920-8", "30239-8"]);
        yield return new(MarkerIds.Ggt, "GGT", "U/L", Enzyme, 1, 5000, ["2324-2"]);
        yield return new(MarkerIds.Platelets, "Platelets", "10^9/L",
            [new("10^9/L", 1), new("10^3/uL", 1), new("10^3/mm^3", 1), new("G/L", 1), new("/nL", 1), new("K/uL", 1), new("10^3/µL", 1)],
            1, 2000, ["777-3", "26515-7", "49497-1"]);
        yield return new(MarkerIds.Albumin, "Albumin", "g/dL", [new("g/dL", 1), new("g/L", 0.1), new("g/l", 0.1)], 0.5, 10, ["1751-7", "61151-7"]);

        // IFCC mmol/mol to NGSP %: % = 0.09148 × mmol/mol + 2.152.
        yield return new(MarkerIds.HbA1c, "HbA1c", "%", [new("%", 1), new("mmol/mol", 0.09148, 2.152)], 2, 20, ["4548-4", "17856-6", "59261-8"]);
        yield return new(MarkerIds.Cap, "CAP", "dB/m", [new("dB/m", 1)], 100, 400, []);
        yield return new(MarkerIds.LiverStiffness, "Liver stiffness", "kPa", [new("kPa", 1)], 1, 75, []);
        yield return new(MarkerIds.GripStrength, "Grip strength", "kg", [new("kg", 1), new("lb", 0.45359237), new("lbs", 0.45359237)], 1, 150, []);
        yield return new(MarkerIds.ChairStand5x, "5× chair stand", "s", [new("s", 1), new("sec", 1)], 1, 120, []);
        yield return new(MarkerIds.StairsClimbed, "Stairs climbed", "flights", [new("flights", 1), new("floors", 1)], 0, 500, []);
        yield return new(MarkerIds.Fib4, "FIB-4", "1", [new("1", 1)], 0, 100, []);
        yield return new(MarkerIds.AppendicularMuscleIndex, "Appendicular muscle mass index", "kg/m2", [new("kg/m2", 1), new("kg/m^2", 1), new("kg/m²", 1)], 1, 25, []);
    }
}
