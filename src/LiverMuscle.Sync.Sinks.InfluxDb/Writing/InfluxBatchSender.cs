using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Http;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Sends batches over HTTP. Brief faults (network, 5xx, 429) are retried by the resilience pipeline; a 400 names
/// the refused lines, which are reported while the rest is (re)written; 413 splits the batch; a missing 1.x
/// database is created. Anything else leaves the batch undelivered for the spool.
/// </summary>
internal sealed class InfluxBatchSender(
    IInfluxHttpApi api,
    InfluxDatabaseCreator databases,
    InfluxResiliencePipeline resilience,
    IOptions<InfluxDbOptions> options,
    ILogger<InfluxBatchSender> logger) : IBatchSender
{
    private readonly InfluxDbOptions _options = options.Value;

    public async Task<SendResult> SendAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await databases.EnsureCreatedAsync(cancellationToken);
            return batch.Kind == WriteBatch.StatementKind
                ? await ExecuteStatementAsync(batch, cancellationToken)
                : await WriteLinesAsync(batch, cancellationToken);
        }
        catch (Exception e) when (TransportFailure.Is(e, cancellationToken) || e is InfluxUnavailableException)
        {
            return SendResult.Undelivered(e.Message);
        }
    }

    private async Task<SendResult> WriteLinesAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        var rejected = new List<RejectedPoint>();
        var current = batch;
        var createdDatabase = false;
        while (true)
        {
            using var response = await resilience.ExecuteAsync(ct => api.WriteAsync(_options.Database, _options.RetentionPolicy, _options.Precision.QueryValue(), Body(current.Payload), ct), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Success(rejected);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var error = InfluxErrorBody.MessageOf(response, body);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound when !createdDatabase && error.Contains("database not found", StringComparison.Ordinal):
                    createdDatabase = true;
                    await databases.CreateAsync(cancellationToken);
                    continue;
                case HttpStatusCode.RequestEntityTooLarge when current.Count > 1:
                    return await SplitAsync(current, rejected, cancellationToken);
                case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity:
                    var next = Reject(current, error, body, rejected);
                    if (next is null)
                    {
                        return SendResult.Success(rejected);
                    }

                    current = next;
                    continue;
                default:
                    Log.WriteFailed(logger, (int)response.StatusCode, error);
                    return SendResult.Undelivered($"InfluxDB answered {(int)response.StatusCode}: {error}");
            }
        }
    }

    /// <summary>
    /// Records the refused lines and returns what must still be sent: nothing after a partial write that named every
    /// dropped line (the rest is stored), else the batch without the named lines, which also reveals further
    /// conflicts a 1.x answer left unnamed (rewriting is idempotent).
    /// </summary>
    private WriteBatch? Reject(WriteBatch batch, string error, string body, List<RejectedPoint> rejected)
    {
        var lines = batch.SplitLines();
        var bad = RejectionParser.FindRejectedLines(batch, lines, error, body);
        if (bad.Count == 0 && RejectionParser.IsPartialWrite(error))
        {
            // Some points were dropped but InfluxDB does not say which (e.g. beyond the retention policy): report it for the batch.
            rejected.Add(new RejectedPoint($"{lines.Length} lines", error));
            Log.PointRejected(logger, $"{lines.Length} lines", error);
            return null;
        }

        if (bad.Count == 0)
        {
            // Refused as a whole: nothing was stored, every point is rejected with the server's reason.
            bad = Enumerable.Range(0, lines.Length).ToDictionary(i => i, _ => error);
        }

        foreach (var (index, reason) in bad)
        {
            var name = batch.Describe(index, lines[index]);
            rejected.Add(new RejectedPoint(name, reason));
            Log.PointRejected(logger, name, reason);
        }

        // A partial write stored every other line; when it named all it dropped, nothing is left to send.
        var dropped = RejectionParser.DroppedCount(error);
        if (bad.Count == lines.Length || (RejectionParser.IsPartialWrite(error) && (dropped is null || dropped == bad.Count)))
        {
            return null;
        }

        var keep = Enumerable.Range(0, lines.Length).Where(i => !bad.ContainsKey(i)).ToList();
        var payload = Encoding.UTF8.GetBytes(string.Concat(keep.Select(i => lines[i] + "\n")));
        return WriteBatch.Lines(payload, batch.Points is { } points ? keep.Select(i => points[i]).ToList() : null);
    }

    private async Task<SendResult> SplitAsync(WriteBatch batch, List<RejectedPoint> rejected, CancellationToken cancellationToken)
    {
        var lines = batch.SplitLines();
        var half = lines.Length / 2;
        foreach (var (from, to) in new[] { (0, half), (half, lines.Length) })
        {
            var payload = Encoding.UTF8.GetBytes(string.Concat(lines[from..to].Select(l => l + "\n")));
            var part = WriteBatch.Lines(payload, batch.Points?.Skip(from).Take(to - from).ToList());
            var result = await WriteLinesAsync(part, cancellationToken);
            rejected.AddRange(result.Rejected);
            if (!result.Delivered)
            {
                // The first half may be stored already; resending it from the spool is harmless (same identities).
                return result;
            }
        }

        return SendResult.Success(rejected);
    }

    private async Task<SendResult> ExecuteStatementAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        var statement = batch.StatementText;
        using var response = await resilience.ExecuteAsync(
            ct => api.ExecuteAsync(new Dictionary<string, string> { ["db"] = _options.Database, ["q"] = statement }, ct),
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode && !body.Contains("\"error\"", StringComparison.Ordinal))
        {
            return SendResult.Success([]);
        }

        var error = response.IsSuccessStatusCode ? body : await InfluxErrorBody.ReadAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest || error.Contains("error parsing query", StringComparison.Ordinal))
        {
            Log.PointRejected(logger, statement, error);
            return SendResult.Success([new RejectedPoint(statement, error)]);
        }

        return SendResult.Undelivered($"InfluxDB could not run '{statement}': {error}");
    }

    private ByteArrayContent Body(byte[] payload)
    {
        ByteArrayContent content;
        if (_options.Gzip)
        {
            content = new ByteArrayContent(Gzip.Compress(payload));
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ByteArrayContent(payload);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return content;
    }
}
