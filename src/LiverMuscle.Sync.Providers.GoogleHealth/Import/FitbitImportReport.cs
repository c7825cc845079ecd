using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// What an import read: files, sessions and weigh-ins found (a session or weigh-in told by two files counts once),
/// records ignored (not strength, too short), records that could not be read, and the unit the legacy weights were
/// read in and why. What was written is the sync run's count, taken after the sink answered.
/// </summary>
public sealed class FitbitImportReport
{
    public int Files { get; set; }

    public int Sessions { get; set; }

    public int WeighIns { get; set; }

    public int Ignored { get; set; }

    public List<RecordError> Errors { get; } = [];

    /// <summary>Null when the export has no <c>weight-*.json</c>.</summary>
    public WeightUnitDecision? WeightUnit { get; set; }

    /// <summary>Things the import noticed and did not follow (a unit it cannot read, a BMI that disagrees with the account).</summary>
    public List<string> Notes { get; } = [];
}
