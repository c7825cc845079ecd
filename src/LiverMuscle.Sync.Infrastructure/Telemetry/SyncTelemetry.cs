using System.Diagnostics;

namespace LiverMuscle.Sync.Infrastructure.Telemetry;

/// <summary>
/// The names telemetry is published under: one meter and one activity source, both <see cref="Name"/>, and the
/// attribute keys every instrument and span uses. No attribute carries a person's id.
/// </summary>
public static class SyncTelemetry
{
    public const string Name = "LiverMuscle.Sync";

    public const string ProviderKey = "livermuscle.provider";

    public const string DataKindKey = "livermuscle.data_kind";

    public const string OutcomeKey = "livermuscle.outcome";

    public const string AnswerKey = "livermuscle.answer";

    public const string RuleKey = "livermuscle.rule";

    public const string StateKey = "livermuscle.alert.state";

    public const string NotifierKey = "livermuscle.notifier";

    /// <summary>Spans: a sync run (root), each provider request and each InfluxDB write beneath it.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The span of one sync run of one provider.</summary>
    public static Activity? StartSyncRun(string provider, string mode) =>
        Source.StartActivity("sync " + provider)?.SetTag(ProviderKey, provider).SetTag("livermuscle.sync.mode", mode);

    /// <summary>The span of one attempt of a provider request (after its wait for the budget).</summary>
    public static Activity? StartProviderRequest(string provider, HttpRequestMessage request) =>
        Source.StartActivity(request.Method.Method + " " + provider, ActivityKind.Client)?
            .SetTag(ProviderKey, provider)
            .SetTag("http.request.method", request.Method.Method)
            .SetTag("server.address", request.RequestUri?.Host);

    /// <summary>The span of one batch sent to InfluxDB, beneath the span of the write that opened it.</summary>
    public static Activity? StartSinkWrite(ActivityContext parent, int points) =>
        Source.StartActivity("influxdb write", ActivityKind.Client, parent)?.SetTag("livermuscle.points", points);
}
