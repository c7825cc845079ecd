namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>Sends one batch ("send this batch"), separate from deciding when and how much to send.</summary>
internal interface IBatchSender
{
    Task<SendResult> SendAsync(WriteBatch batch, CancellationToken cancellationToken);
}
