using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

/// <summary>A started sandbox on fake time with one consented user and an HTTP client to talk to it.</summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private SandboxHarness(GoogleHealthSandbox sandbox, FakeTimeProvider time, string user, string accessToken, string refreshToken)
    {
        Sandbox = sandbox;
        Time = time;
        User = user;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sandbox.BaseUrl };
    }

    public GoogleHealthSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public string User { get; }

    public string AccessToken { get; }

    public string RefreshToken { get; }

    public HttpClient Http { get; }

    /// <summary>A sandbox whose events each have one source unless <paramref name="configure"/> turns <see cref="GoogleHealthSandboxOptions.MultiSource"/> on.</summary>
    public static async Task<SandboxHarness> StartAsync(Action<GoogleHealthSandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new GoogleHealthSandboxOptions { TimeProvider = time, HistoryDays = 120, MultiSource = false };
        configure?.Invoke(options);
        var sandbox = await GoogleHealthSandbox.StartAsync(options, CancellationToken.None);
        var user = sandbox.CreateUser();
        var (access, refresh, _) = sandbox.IssueTokens(user);
        return new SandboxHarness(sandbox, time, user, access, refresh);
    }

    public Task<Answer> ListAsync(string type, string? filter = null, string? pageSize = null, string? pageToken = null, string? token = null, string parent = "me")
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add("filter=" + Uri.EscapeDataString(filter));
        }

        if (pageSize is not null)
        {
            query.Add("pageSize=" + pageSize);
        }

        if (pageToken is not null)
        {
            query.Add("pageToken=" + Uri.EscapeDataString(pageToken));
        }

        var path = $"v4/users/{parent}/dataTypes/{type}/dataPoints" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        return GetAsync(path, token ?? AccessToken);
    }

    /// <summary>Follows every page; returns the points in arrival order and the raw pages.</summary>
    public async Task<(List<JsonObject> Points, List<Answer> Pages)> ListAllAsync(string type, string? filter = null, string? pageSize = null, string? token = null)
    {
        var points = new List<JsonObject>();
        var pages = new List<Answer>();
        string? pageToken = null;
        do
        {
            var page = await ListAsync(type, filter, pageSize, pageToken, token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages.Add(page);
            points.AddRange(page.Json!["dataPoints"]?.AsArray().Select(p => p!.AsObject()) ?? []);
            pageToken = page.Json!["nextPageToken"]?.GetValue<string>();
            Assert.True(pages.Count < 500, "paging does not end");
        }
        while (!string.IsNullOrEmpty(pageToken));

        return (points, pages);
    }

    public async Task<Answer> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request);
    }

    public async Task<Answer> PostFormAsync(Uri url, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))) };
        return await SendAsync(request);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return new Answer(response.StatusCode, text, json, response.Headers, response.Headers.Location);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}

internal sealed record Answer(HttpStatusCode Status, string Text, JsonNode? Json, HttpResponseHeaders Headers, Uri? Location)
{
    public string? ErrorStatus => Json?["error"]?["status"]?.GetValue<string>();

    public string? Reason => Json?["error"]?["details"]?[0]?["reason"]?.GetValue<string>();

    public string? DetailedReasons => Json?["error"]?["details"]?[0]?["metadata"]?["detailedReasons"]?.GetValue<string>();

    public string? OAuthError => Json?["error"] is JsonValue v ? v.GetValue<string>() : null;
}
