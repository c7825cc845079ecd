namespace LiverMuscle.Sync.Normalization;

/// <summary>Read-only figures of the sink, for sync outcomes, health reports and metrics.</summary>
public interface ISinkStatus
{
    Task<SinkStatus> GetAsync(CancellationToken cancellationToken);
}
