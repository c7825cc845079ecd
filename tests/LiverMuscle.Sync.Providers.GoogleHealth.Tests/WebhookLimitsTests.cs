using System.Globalization;
using System.Net;
using System.Text;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>The webhook refuses what it cannot afford before parsing it, and a notification reads no further back than the connector re-reads.</summary>
public sealed class WebhookLimitsTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private const string Secret = "Bearer webhook-secret-7Q";

    [Fact]
    public async Task OversizedBody_Is413_AndAFullQueue503()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 2 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, settings: new Dictionary<string, string?>
        {
            ["Fitbit:WebhookAuthorization"] = Secret,
            ["Sync:Push:QueueCapacity"] = "1",
        }, scheduler: false);
        var id = await stack.AuthorizeAsync("ida", sandbox, TimeProvider.System);
        using var google = new HttpClient();
        var endpoint = new Uri(stack.Url, "/push/fitbit");

        using var large = await PostAsync(google, endpoint, "[" + string.Join(',', Enumerable.Repeat("{}", 40_000)) + "]", Secret);
        using var unauthorisedLarge = await PostAsync(google, endpoint, new string(' ', 200_000), null);
        using var exercise = await PostAsync(google, endpoint, Notification(id, "exercise", DateTimeOffset.UtcNow.AddHours(-1)), Secret);
        using var nutrition = await PostAsync(google, endpoint, Notification(id, "nutrition-log", DateTimeOffset.UtcNow.AddHours(-1)), Secret);
        using var exerciseAgain = await PostAsync(google, endpoint, Notification(id, "exercise", DateTimeOffset.UtcNow.AddHours(-3)), Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorisedLarge.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, exercise.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, nutrition.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, exerciseAgain.StatusCode);
    }

    [Fact]
    public async Task NotificationForYearsBack_ReadsNoFurtherThanTheReReadWindow()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 30 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, settings: new Dictionary<string, string?> { ["Fitbit:WebhookAuthorization"] = Secret }, scheduler: true);
        var id = await stack.AuthorizeAsync("jon", sandbox, TimeProvider.System);
        using var google = new HttpClient();
        var before = sandbox.DataRequests.Count;

        using var delivered = await PostAsync(google, new Uri(stack.Url, "/push/fitbit"), Notification(id, "exercise", new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow), Secret);

        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        Assert.True(await Eventually.BecomesTrueWithinAsync(() => sandbox.DataRequests.Skip(before).Any(r => r.Contains("/dataTypes/exercise/", StringComparison.Ordinal))), "the notification was not synced");
        var window = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(sandbox.DataRequests.Skip(before), r => r.Contains("2001-", StringComparison.Ordinal) || r.Contains("2000-", StringComparison.Ordinal));
        Assert.Contains(sandbox.DataRequests.Skip(before), r => r.Contains("/dataTypes/exercise/", StringComparison.Ordinal) && string.CompareOrdinal(FirstDate(r), window) >= 0);
    }

    private static string Notification(string healthUserId, string dataType, DateTimeOffset start, DateTimeOffset? end = null) => $$"""
        { "data": { "healthUserId": "{{healthUserId}}", "operation": "UPSERT", "dataType": "{{dataType}}",
            "intervals": [ { "physicalTimeInterval": { "startTime": "{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}", "endTime": "{{(end ?? start.AddMinutes(30)).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}" } } ] } }
        """;

    /// <summary>The first yyyy-MM-dd in a request line.</summary>
    private static string FirstDate(string request) =>
        System.Text.RegularExpressions.Regex.Match(request, @"\d{4}-\d{2}-\d{2}").Value;

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri endpoint, string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return http.SendAsync(request);
    }
}
