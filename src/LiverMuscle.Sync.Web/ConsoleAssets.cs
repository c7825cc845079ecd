using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiverMuscle.Sync.Web;

/// <summary>The console's static files, embedded in this assembly and served from <see cref="PathPrefix"/>.</summary>
internal static class ConsoleAssets
{
    public const string PathPrefix = "/console-assets";

    private static readonly Dictionary<string, (string ContentType, byte[] Content)> Files = Load();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(PathPrefix + "/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Content, file.ContentType);
        });

    private static Dictionary<string, (string, byte[])> Load()
    {
        const string prefix = "LiverMuscle.Sync.Web.Assets.";
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[prefix.Length..];
            files[name] = (name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "application/octet-stream", copy.ToArray());
        }

        return files;
    }
}
