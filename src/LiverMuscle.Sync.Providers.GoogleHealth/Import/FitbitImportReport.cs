using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// What an import read: files, sessions and weigh-ins found, records ignored (not strength) and records that could not
/// be read. What was written is the sync run's count, taken after the sink answered.
/// </summary>
public sealed class FitbitImportReport
{
    public int Files { get; set; }

    public int Sessions { get; set; }

    public int WeighIns { get; set; }

    public int Ignored { get; set; }

    public List<RecordError> Errors { get; } = [];
}
