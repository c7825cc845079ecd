namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// Decides the unit of <c>weight-*.json</c> from the archive itself: the unit its profile or account settings state,
/// else the one the records' BMI fits, else <c>Fitbit:ExportWeightUnit</c>. Notes say what was not used and why.
/// </summary>
internal static class WeightUnitResolver
{
    public static (WeightUnitDecision Decision, IReadOnlyList<string> Notes) Resolve(
        IReadOnlyList<(string Path, ExportFileKind Kind)> files, string root, IReadOnlyList<LegacyWeighIn> weighIns, double? personHeightM, string configured)
    {
        var notes = new List<string>();
        var stated = ExportAccountUnit.Read(files, root, notes);
        var bmi = BmiUnitCheck.Decide(weighIns, personHeightM);
        if (stated is not null && bmi is not null && bmi.Unit != stated.Unit)
        {
            notes.Add($"the records' BMI suggests {bmi.Unit} ({bmi.Reason}), but the account file is followed");
        }

        return (stated ?? bmi ?? new WeightUnitDecision(configured, "the archive does not tell (no profile or settings file naming it, no BMI that decides); Fitbit:ExportWeightUnit"), notes);
    }
}
