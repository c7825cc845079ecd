using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Http;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Sends batches over HTTP. Brief faults (network, 5xx, 429) are retried by the resilience pipeline; lines a 400/422
/// names are rejected while the rest is (re)written; a partial write that names no line is narrowed down by resending
/// halves (rewriting is idempotent), within a bound, and what stays unnamed is rejected as unknown; 413 splits the
/// batch; a missing 1.x database is created. Anything else leaves the batch undelivered for the spool.
/// </summary>
internal sealed class InfluxBatchSender(
    IInfluxHttpApi api,
    InfluxDatabaseCreator databases,
    InfluxResiliencePipeline resilience,
    IOptions<InfluxDbOptions> options,
    ILogger<InfluxBatchSender> logger) : IBatchSender
{
    /// <summary>Extra requests one batch may cost to find the lines a partial write dropped without naming them.</summary>
    internal const int NarrowingRequests = 32;

    private readonly InfluxDbOptions _options = options.Value;

    public async Task<SendResult> SendAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await databases.EnsureCreatedAsync(cancellationToken);
            if (batch.Kind == WriteBatchKind.Statement)
            {
                return await ExecuteStatementAsync(batch, cancellationToken);
            }

            var write = new LineWrite(batch);
            var error = await WriteLinesAsync(write, Enumerable.Range(0, batch.Count).ToArray(), cancellationToken);
            return error is null ? SendResult.Success(write.Rejections) : SendResult.Undelivered(error);
        }
        catch (Exception e) when (TransportFailure.Is(e, cancellationToken) || e is InfluxUnavailableException)
        {
            return SendResult.Undelivered(e.Message);
        }
    }

    /// <summary>Writes the given lines of the batch; null once InfluxDB answered for each of them, else why it did not.</summary>
    private async Task<string?> WriteLinesAsync(LineWrite write, IReadOnlyList<int> lines, CancellationToken cancellationToken)
    {
        var createdDatabase = false;
        while (true)
        {
            var payload = write.Batch.PayloadOf(lines);
            using var response = await resilience.ExecuteAsync(ct => api.WriteAsync(_options.Database, _options.RetentionPolicy, write.Batch.Precision.QueryValue(), Body(payload), ct), cancellationToken);
            var body = response.StatusCode == HttpStatusCode.NoContent ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
            var error = InfluxErrorBody.MessageOf(response, body);
            if (response.IsSuccessStatusCode && (string.IsNullOrWhiteSpace(body) || !RejectionParser.IsPartialWrite(error)))
            {
                return null;
            }

            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound when !createdDatabase && error.Contains("database not found", StringComparison.Ordinal):
                    createdDatabase = true;
                    await databases.CreateAsync(cancellationToken);
                    continue;
                case HttpStatusCode.RequestEntityTooLarge when lines.Count > 1:
                    return await WriteHalvesAsync(write, lines, cancellationToken);
                case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity:
                case var _ when response.IsSuccessStatusCode || RejectionParser.IsPartialWrite(error):
                    // InfluxDB 3 (Cloud) may answer a partial write with 201, and 2.x with 500.
                    var rest = Reject(write, lines, error, body);
                    if (rest.Count == 0)
                    {
                        return null;
                    }

                    if (rest.Count < lines.Count)
                    {
                        lines = rest;
                        continue;
                    }

                    return await NarrowAsync(write, rest, error, cancellationToken);
                default:
                    Log.WriteFailed(logger, (int)response.StatusCode, error);
                    return $"InfluxDB answered {(int)response.StatusCode}: {error}";
            }
        }
    }

    /// <summary>
    /// Records the lines the answer names and returns those still to be sent: none after a partial write that named
    /// every line it dropped (the rest is stored) or after a refusal of the whole request; the request without the
    /// named lines after a refusal (nothing was stored) or after a partial write that named fewer lines than it
    /// dropped (rewriting reveals the others); every line when the answer named none.
    /// </summary>
    private List<int> Reject(LineWrite write, IReadOnlyList<int> lines, string error, string body)
    {
        var named = RejectionParser.FindRejectedLines(write.Batch, lines, error, body);
        var partial = RejectionParser.IsPartialWrite(error);
        if (named.Count == 0 && !partial)
        {
            // Refused as a whole: nothing was stored, every line is rejected with the server's reason.
            write.Reject(lines, PointOutcome.Rejected(error), logger);
            return [];
        }

        foreach (var (line, reason) in named)
        {
            write.Reject([line], PointOutcome.Rejected(reason), logger);
        }

        var rest = lines.Where(line => !named.ContainsKey(line)).ToList();
        var dropped = RejectionParser.DroppedCount(error, lines.Count);
        if (named.Count > 0 && partial && (dropped is null ? named.Count < RejectionParser.V3MaxNamedLines : dropped <= named.Count))
        {
            return [];
        }

        if (named.Count == 0 && (dropped == lines.Count || lines.Count == 1))
        {
            // Every line of the request was dropped: each is named by that.
            write.Reject(lines, PointOutcome.Rejected(RejectionParser.WithoutDropped(error)), logger);
            return [];
        }

        return rest;
    }

    /// <summary>
    /// A partial write named none of the lines it dropped: resend the halves, each answer telling about fewer lines,
    /// while the batch's narrowing requests last; the lines still unnamed then are rejected as unknown.
    /// </summary>
    private async Task<string?> NarrowAsync(LineWrite write, List<int> lines, string error, CancellationToken cancellationToken)
    {
        if (!write.TryTakeNarrowingRequests(2))
        {
            var dropped = RejectionParser.DroppedCount(error, lines.Count);
            var reason = $"InfluxDB dropped {(dropped is { } n ? n.ToString(CultureInfo.InvariantCulture) : "some")} of {lines.Count} points without naming them, this one possibly among them: {error}";
            write.Reject(lines, PointOutcome.RejectedUnknown(reason), logger);
            return null;
        }

        return await WriteHalvesAsync(write, lines, cancellationToken);
    }

    private async Task<string?> WriteHalvesAsync(LineWrite write, IReadOnlyList<int> lines, CancellationToken cancellationToken)
    {
        var half = lines.Count / 2;
        foreach (var part in (IReadOnlyList<int>[])[lines.Take(half).ToArray(), lines.Skip(half).ToArray()])
        {
            // When the second half fails, the first may be stored already; resending it from the spool is harmless.
            if (await WriteLinesAsync(write, part, cancellationToken) is { } error)
            {
                return error;
            }
        }

        return null;
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

        var error = response.IsSuccessStatusCode ? body : InfluxErrorBody.MessageOf(response, body);
        if (response.StatusCode == HttpStatusCode.BadRequest || error.Contains("error parsing query", StringComparison.Ordinal))
        {
            Log.PointRejected(logger, statement, error);
            return SendResult.Success([new LineRejection(0, PointOutcome.Rejected(error))]);
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
