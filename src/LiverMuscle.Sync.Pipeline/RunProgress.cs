using LiverMuscle.Sync.Providers;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>The progress of a run whose data kinds read side by side: the units done and known of all of them together.</summary>
internal sealed class RunProgress(IProgress<SyncProgress> progress, int kinds)
{
    private readonly Lock _lock = new();
    private readonly SyncProgress?[] _kinds = new SyncProgress?[kinds];

    public IProgress<SyncProgress> Of(int kind) => new KindProgress(this, kind);

    private void Report(int kind, SyncProgress step)
    {
        lock (_lock)
        {
            _kinds[kind] = step;
            progress.Report(new SyncProgress(_kinds.Sum(k => k?.Done ?? 0), _kinds.Sum(k => k?.Total ?? 0)));
        }
    }

    private sealed class KindProgress(RunProgress run, int kind) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => run.Report(kind, value);
    }
}
