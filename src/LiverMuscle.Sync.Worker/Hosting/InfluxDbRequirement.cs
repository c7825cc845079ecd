using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>For verbs that cannot do their work without InfluxDB: whether it answers before they start.</summary>
internal static class InfluxDbRequirement
{
    /// <summary>Null when InfluxDB answers <c>/ping</c>; otherwise the line that says what to do.</summary>
    public static async Task<string?> ProblemAsync(IServiceProvider services, string consequence, CancellationToken cancellationToken)
    {
        var url = services.GetRequiredService<IOptions<InfluxDbOptions>>().Value.Url;
        return await services.GetRequiredService<IInfluxQueryClient>().PingAsync(cancellationToken) is null
            ? $"InfluxDB at {url} does not answer; {consequence}. Start it or set InfluxDb:Url, then try again."
            : null;
    }
}
