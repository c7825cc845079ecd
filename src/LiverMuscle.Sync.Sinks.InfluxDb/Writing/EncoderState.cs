namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>Where the writer's encoder is: the batch it fills, the request it is in the middle of, the arrival it waits for.</summary>
internal sealed class EncoderState(OpenBatch batch)
{
#pragma warning disable CA1051 // Fields: the encoder reads requests into them with TryRead(out ...).
    public WriteRequest? Current;
#pragma warning restore CA1051

    public OpenBatch Batch => batch;

    /// <summary>The index of <see cref="Current"/>'s next point to encode.</summary>
    public int Next { get; set; }

    /// <summary>A pending wait for the next queued request.</summary>
    public Task<bool>? Arrival { get; set; }

    /// <summary>The queue is closed and empty.</summary>
    public bool Closed { get; set; }

    /// <summary>Fails the callers of the batch being filled and of the request in progress.</summary>
    public void FailPending(Exception exception)
    {
        foreach (var owner in batch.Take().Owners.Distinct())
        {
            owner.Fail(exception);
        }

        Current?.Fail(exception);
        (Current, Next) = (null, 0);
    }
}
