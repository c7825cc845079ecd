using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// A strict stand-in for Grafana's legacy HTTP API on a loopback port, with the documented semantics: Bearer token
/// required (401), permissions per action (403 naming the permission), datasources and folders by uid (404, 409 on a
/// duplicate name or uid), dashboards by uid with versions (412 version-mismatch / name-exists / plugin-dashboard
/// unless overwrite, 400 for a file-provisioned dashboard). Every request is recorded.
/// </summary>
internal sealed class FakeGrafana : IAsyncDisposable
{
    public static readonly string[] AllPermissions =
    [
        "datasources:read", "datasources:create", "datasources:write", "folders:read", "folders:create", "folders:write",
        "dashboards:read", "dashboards:create", "dashboards:write",
    ];

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private int _nextId = 1;

    private FakeGrafana(WebApplication app) => _app = app;

    public const string Token = "glsa_fake_0123456789abcdef";

    public Uri Url { get; private set; } = null!;

    public HashSet<string> Granted { get; } = [.. AllPermissions];

    /// <summary>How many more times <c>/api/health</c> answers 503 before it is healthy.</summary>
    public int UnhealthyAnswers { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Dictionary<string, JsonObject> Datasources { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Folders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredDashboard> Dashboards { get; } = new(StringComparer.Ordinal);

    public int Writes => Requests.Count(r => r.Method != "GET");

    public static async Task<FakeGrafana> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGrafana(app);
        fake.Map(app);
        await app.StartAsync();
        fake.Url = new Uri(app.Urls.First());
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value!, body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject));
            if (context.Request.Path != "/api/health" && context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                await Results.Json(new JsonObject { ["message"] = "invalid API key" }, statusCode: 401).ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        app.MapGet("/api/health", () => UnhealthyAnswers-- > 0
            ? Results.Json(new JsonObject { ["message"] = "database not ready" }, statusCode: 503)
            : Results.Json(new JsonObject { ["commit"] = "fake", ["database"] = "ok", ["version"] = "12.3.0" }));

        app.MapGet("/api/datasources/uid/{uid}", (string uid) => Guard("datasources:read") ?? Locked(() =>
            Datasources.TryGetValue(uid, out var ds) ? Results.Json(Public(ds)) : NotFound("Data source not found")));

        app.MapPost("/api/datasources", (JsonObject body) => Guard("datasources:create") ?? Locked(() =>
        {
            var uid = body["uid"]!.GetValue<string>();
            if (Datasources.ContainsKey(uid) || Datasources.Values.Any(d => d["name"]!.GetValue<string>() == body["name"]!.GetValue<string>()))
            {
                return Message(409, "data source with the same name already exists");
            }

            body["id"] = _nextId++;
            body["version"] = 1;
            Datasources[uid] = body;
            return Results.Json(new JsonObject { ["id"] = body["id"]!.GetValue<int>(), ["message"] = "Datasource added", ["name"] = body["name"]!.GetValue<string>(), ["datasource"] = Public(body) });
        }));

        app.MapPut("/api/datasources/uid/{uid}", (string uid, JsonObject body) => Guard("datasources:write") ?? Locked(() =>
        {
            if (!Datasources.TryGetValue(uid, out var existing))
            {
                return NotFound("Data source not found");
            }

            if (Datasources.Values.Any(d => d != existing && d["name"]!.GetValue<string>() == body["name"]!.GetValue<string>()))
            {
                return Message(409, "data source with the same name already exists");
            }

            body["secureJsonData"] ??= existing["secureJsonData"]?.DeepClone();
            body["id"] = Long(existing["id"]);
            body["version"] = Long(existing["version"]) + 1;
            Datasources[uid] = body;
            return Results.Json(new JsonObject { ["id"] = Long(body["id"]), ["message"] = "Datasource updated", ["name"] = body["name"]!.GetValue<string>(), ["datasource"] = Public(body) });
        }));

        app.MapGet("/api/folders/{folder_uid}", (string folder_uid) => Guard("folders:read") ?? Locked(() =>
            Folders.TryGetValue(folder_uid, out var folder) ? Results.Json(folder) : NotFound("folder not found")));

        app.MapPost("/api/folders", (JsonObject body) => Guard("folders:create") ?? Locked(() =>
        {
            var uid = body["uid"]?.GetValue<string>() ?? "generated" + _nextId;
            if (string.IsNullOrEmpty(body["title"]?.GetValue<string>()))
            {
                return Message(400, "folder title cannot be empty");
            }

            if (Folders.ContainsKey(uid))
            {
                return Message(409, "a folder with the same uid already exists");
            }

            var folder = new JsonObject { ["id"] = _nextId++, ["uid"] = uid, ["title"] = body["title"]!.GetValue<string>(), ["url"] = $"/dashboards/f/{uid}/", ["version"] = 1 };
            Folders[uid] = folder;
            return Results.Json(folder);
        }));

        app.MapPut("/api/folders/{folder_uid}", (string folder_uid, JsonObject body) => Guard("folders:write") ?? Locked(() =>
        {
            if (!Folders.TryGetValue(folder_uid, out var folder))
            {
                return NotFound("folder not found");
            }

            if (body["overwrite"]?.GetValue<bool>() != true && Long(body["version"]) != Long(folder["version"]))
            {
                return Results.Json(new JsonObject { ["status"] = "version-mismatch", ["message"] = "the folder has been changed by someone else" }, statusCode: 412);
            }

            folder["title"] = body["title"]!.GetValue<string>();
            folder["version"] = Long(folder["version"]) + 1;
            return Results.Json(folder);
        }));

        app.MapGet("/api/dashboards/uid/{uid}", (string uid) => Guard("dashboards:read") ?? Locked(() =>
        {
            if (!Dashboards.TryGetValue(uid, out var stored))
            {
                return NotFound("Dashboard not found");
            }

            var dashboard = stored.Dashboard.DeepClone().AsObject();
            dashboard["id"] = stored.Id;
            dashboard["version"] = stored.Version;
            return Results.Json(new JsonObject
            {
                ["dashboard"] = dashboard,
                ["meta"] = new JsonObject { ["folderUid"] = stored.FolderUid, ["version"] = stored.Version, ["provisioned"] = stored.Provisioned, ["url"] = $"/d/{uid}/x" },
            });
        }));

        app.MapPost("/api/dashboards/db", (JsonObject body) => Locked(() =>
        {
            var dashboard = body["dashboard"] as JsonObject;
            var uid = dashboard?["uid"]?.GetValue<string>();
            var title = dashboard?["title"]?.GetValue<string>();
            if (dashboard is null || string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(title))
            {
                return Message(400, "Dashboard title cannot be empty");
            }

            var exists = Dashboards.TryGetValue(uid, out var stored);
            if (Guard(exists ? "dashboards:write" : "dashboards:create") is { } forbidden)
            {
                return forbidden;
            }

            var folderUid = body["folderUid"]?.GetValue<string>() ?? string.Empty;
            if (folderUid.Length > 0 && !Folders.ContainsKey(folderUid))
            {
                return Message(400, "folder not found");
            }

            if (stored is { PluginId: { } plugin })
            {
                return Results.Json(new JsonObject { ["status"] = "plugin-dashboard", ["message"] = $"The dashboard belongs to plugin {plugin}." }, statusCode: 412);
            }

            if (stored is { Provisioned: true })
            {
                return Message(400, "Cannot save provisioned dashboard");
            }

            var overwrite = body["overwrite"]?.GetValue<bool>() == true;
            if (!overwrite && exists && dashboard["version"]?.GetValue<int>() != stored!.Version)
            {
                return Results.Json(new JsonObject { ["status"] = "version-mismatch", ["message"] = "The dashboard has been changed by someone else" }, statusCode: 412);
            }

            if (!overwrite && Dashboards.Values.Any(d => d.Dashboard["uid"]!.GetValue<string>() != uid && d.FolderUid == folderUid && d.Dashboard["title"]!.GetValue<string>() == title))
            {
                return Results.Json(new JsonObject { ["status"] = "name-exists", ["message"] = "A dashboard with the same name in the folder already exists" }, statusCode: 412);
            }

            var saved = dashboard.DeepClone().AsObject();
            saved.Remove("id");
            saved.Remove("version");
            var next = new StoredDashboard(saved, folderUid, stored?.Version + 1 ?? 1, stored?.Id ?? _nextId++, false, null, body["message"]?.GetValue<string>());
            Dashboards[uid] = next;
            return Results.Json(new JsonObject { ["id"] = next.Id, ["uid"] = uid, ["url"] = $"/d/{uid}/x", ["status"] = "success", ["version"] = next.Version, ["slug"] = "x", ["folderUid"] = folderUid });
        }));
    }

    private IResult? Guard(string permission) => Granted.Contains(permission)
        ? null
        : Results.Json(new JsonObject
        {
            ["accessErrorId"] = "ACE0000000001",
            ["message"] = $"You'll need additional permissions to perform this action. Permissions needed: {permission}",
            ["title"] = "Access denied",
        }, statusCode: 403);

    private IResult Locked(Func<IResult> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    private static JsonObject Public(JsonObject stored)
    {
        var copy = stored.DeepClone().AsObject();
        var secure = new JsonObject();
        if (copy["secureJsonData"] is JsonObject secrets)
        {
            foreach (var (key, _) in secrets)
            {
                secure[key] = true;
            }
        }

        copy.Remove("secureJsonData");
        copy["secureJsonFields"] = secure;
        copy["user"] ??= string.Empty;
        return copy;
    }

    private static long? Long(JsonNode? node) => node is null ? null : long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static IResult NotFound(string message) => Message((int)HttpStatusCode.NotFound, message);

    private static IResult Message(int status, string message) => Results.Json(new JsonObject { ["message"] = message }, statusCode: status);
}

internal sealed record RecordedRequest(string Method, string Path, JsonObject? Body);

internal sealed record StoredDashboard(JsonObject Dashboard, string FolderUid, int Version, int Id, bool Provisioned, string? PluginId, string? Message);
