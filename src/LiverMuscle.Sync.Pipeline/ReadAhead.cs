using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// Reads a sequence one item ahead of its consumer: while the consumer handles an item, the next is read on the
/// thread pool and waits in a hand-off of one; the one after it is read only once the consumer took that. Items come in their order; an exception of the read surfaces after the
/// items read before it. When the consumer stops (done, failed or cancelled), the read is cancelled and awaited.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handOff = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => FillAsync(read, handOff.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in handOff.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }
    }

    private static async Task FillAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> read, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            // The next item is read only once the hand-off is free: one item ahead of the consumer, never two.
            await using var items = read(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await writer.WaitToWriteAsync(cancellationToken) && await items.MoveNextAsync())
            {
                await writer.WriteAsync(items.Current, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }
}
