using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class WebhookTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private const string Secret = "Bearer webhook-secret-7Q";

    [Fact]
    public async Task Verification_AnsweredWithTheSecretOnly_ANotificationLeadsToTheNewEntryWithoutWaitingForThePoll()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, settings: new Dictionary<string, string?> { ["Fitbit:WebhookAuthorization"] = Secret }, scheduler: true);
        var id = await stack.AuthorizeAsync("gus", sandbox, TimeProvider.System);
        using var google = new HttpClient();
        var endpoint = new Uri(stack.Url, "/push/fitbit");

        using var verified = await PostAsync(google, endpoint, """{"type":"verification"}""", Secret);
        using var unverified = await PostAsync(google, endpoint, """{"type":"verification"}""", null);
        Assert.Equal(HttpStatusCode.Created, verified.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unverified.StatusCode);

        var session = sandbox.AddExercise(id, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromMinutes(41), "STRENGTH_TRAINING");
        var notification = $$"""
            [ { "data": { "version": "1", "clientProvidedSubscriptionName": "0c9f3a52", "healthUserId": "{{id}}", "operation": "UPSERT", "dataType": "exercise",
                "intervals": [ { "physicalTimeInterval": { "startTime": "{{session.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}", "endTime": "{{session.End.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}" } } ] } } ]
            """;
        var push = stack.Services.GetRequiredService<IPushHealth>();
        using var forged = await PostAsync(google, endpoint, notification, "Bearer wrong");
        Assert.Equal(new PushHealth(null, null), await push.GetAsync("gus", ProviderNames.Fitbit, CancellationToken.None));
        using var delivered = await PostAsync(google, endpoint, notification, Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);

        // The notification confirms that Google's subscriber covers this person.
        var health = await push.GetAsync("gus", ProviderNames.Fitbit, CancellationToken.None);
        Assert.NotNull(health.SubscriptionConfirmedAt);
        Assert.NotNull(health.LastNotificationAt);
        long count = 0;
        await Eventually.TrueAsync(
            async () => (count = await influx.CountAsync(stack.Database, Measurements.StrengthSession, FieldNames.StrengthSession.DurationS, $"time = '{session.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'")) > 0,
            "the notified session in InfluxDB");

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task WeightNotification_ReadsTheBodyTypesOnly()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, settings: new Dictionary<string, string?> { ["Fitbit:WebhookAuthorization"] = Secret }, scheduler: true);
        var id = await stack.AuthorizeAsync("hal", sandbox, TimeProvider.System);
        var weight = sandbox.Weights(id)[^1];
        using var google = new HttpClient();
        var before = sandbox.DataRequests.Count;
        var notification = $$"""
            { "data": { "healthUserId": "{{id}}", "operation": "UPSERT", "dataType": "weight",
                "intervals": [ { "physicalTimeInterval": { "startTime": "{{weight.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}", "endTime": "{{weight.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}" } } ] } }
            """;

        using var delivered = await PostAsync(google, new Uri(stack.Url, "/push/fitbit"), notification, Secret);

        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        // The targeted run reads the days around the notified one (a poll running beside it reads other windows).
        var first = DateOnly.FromDateTime(weight.Time.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        List<string> Targeted() => [.. sandbox.DataRequests.Skip(before).Where(r => r.Contains($">= \"{first}", StringComparison.Ordinal))];
        await Eventually.TrueAsync(() => Targeted().Any(r => r.Contains("/dataTypes/body-fat/", StringComparison.Ordinal)), "the targeted sync did not read body fat");
        await Eventually.TrueAsync(async () => await influx.CountAsync(stack.Database, Measurements.SyncRun, FieldNames.SyncRun.Records) >= 1, "the targeted sync did not finish");
        Assert.All(Targeted(), r => Assert.Matches("/dataTypes/(weight|body-fat)/dataPoints", r));
        Assert.Contains(Targeted(), r => r.Contains("/dataTypes/weight/", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri endpoint, string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Google-Health-API-Webhooks", "1"));
        return http.SendAsync(request);
    }
}
