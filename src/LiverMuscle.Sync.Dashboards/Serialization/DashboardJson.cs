using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Dashboards.Serialization;

/// <summary>The dashboard JSON exactly as it is written to <c>dashboards/*.json</c> (LF line ends, final newline).</summary>
internal static class DashboardJson
{
    // Queries are full of double quotes; the relaxed encoder keeps them readable (\" instead of \u0022).
    private static readonly DashboardJsonContext Context = new(new JsonSerializerOptions(DashboardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(Dashboard dashboard) =>
        JsonSerializer.Serialize(dashboard, Context.Dashboard).ReplaceLineEndings("\n") + "\n";

    public static JsonObject ToNode(Dashboard dashboard) =>
        JsonSerializer.SerializeToNode(dashboard, Context.Dashboard)!.AsObject();
}
