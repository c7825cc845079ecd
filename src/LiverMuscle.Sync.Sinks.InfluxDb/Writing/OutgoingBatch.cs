using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>A batch handed to the sender, with the request and index of the point behind each line.</summary>
internal sealed record OutgoingBatch(WriteBatch Batch, WriteRequest[] Owners, int[] Indices)
{
    public static OutgoingBatch Of(WriteRequest delete) => new(WriteBatch.Statement(delete.Statement!), [delete], [0]);

    /// <summary>Gives every line's point its outcome: its rejection, else kept or accepted as the whole batch was.</summary>
    public void Settle(SendResult result)
    {
        if (result.Status == SendStatus.Undelivered)
        {
            var failure = new InfluxUnavailableException(result.Error ?? "InfluxDB write failed");
            foreach (var owner in Owners.Distinct())
            {
                owner.Fail(failure);
            }

            return;
        }

        var rejections = result.Rejections.Count == 0 ? null : result.Rejections.ToDictionary(r => r.Line, r => r.Outcome);
        var settled = result.Status == SendStatus.Kept ? PointOutcome.Kept : PointOutcome.Accepted;
        for (var line = 0; line < Owners.Length; line++)
        {
            Owners[line].Settle(Indices[line], rejections is not null && rejections.TryGetValue(line, out var rejected) ? rejected : settled);
        }
    }
}
