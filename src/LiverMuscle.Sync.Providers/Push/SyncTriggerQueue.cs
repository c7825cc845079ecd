using System.Threading.Channels;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>An unbounded queue: enqueueing never blocks a push endpoint.</summary>
public sealed class SyncTriggerQueue : ISyncTriggerQueue
{
    private readonly Channel<SyncTrigger> _channel = Channel.CreateUnbounded<SyncTrigger>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(SyncTrigger trigger) => _channel.Writer.TryWrite(trigger);

    public IAsyncEnumerable<SyncTrigger> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
