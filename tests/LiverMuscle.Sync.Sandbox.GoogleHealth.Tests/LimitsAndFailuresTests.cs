using System.Net;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class LimitsAndFailuresTests
{
    [Fact]
    public async Task The301stRequestOfAUserInAMinute_Is429_OtherUsersUnaffected_AndTheWindowSlides()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);
        var other = h.Sandbox.CreateUser();
        var otherToken = h.Sandbox.IssueTokens(other).AccessToken;

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("v4/users/me/identity", h.AccessToken)).Status);
            if (i == 149)
            {
                h.Time.Advance(TimeSpan.FromSeconds(30));
            }
        }

        var limited = await h.GetAsync("v4/users/me/identity", h.AccessToken);
        var otherUser = await h.GetAsync("v4/users/me/identity", otherToken);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        var afterFirstHalfLeft = await h.GetAsync("v4/users/me/identity", h.AccessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("RESOURCE_EXHAUSTED", limited.ErrorStatus);
        Assert.Equal("RATE_LIMIT_EXCEEDED", limited.Reason);
        Assert.False(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, otherUser.Status);
        Assert.Equal(HttpStatusCode.OK, afterFirstHalfLeft.Status);
        Assert.Equal(1, h.Sandbox.RateLimitedAnswers);
        Assert.Equal(303, h.Sandbox.RequestsServed);
        Assert.Equal(302, h.Sandbox.DataRequests.Count);
    }

    [Fact]
    public async Task RetryAfter_IsSentWhenSwitchedOn()
    {
        await using var h = await SandboxHarness.StartAsync(o => { o.HistoryDays = 3; o.RequestsPerMinutePerUser = 2; o.SendRetryAfter = true; o.SendRetryInfo = true; });

        await h.GetAsync("v4/users/me/identity", h.AccessToken);
        h.Time.Advance(TimeSpan.FromSeconds(20));
        await h.GetAsync("v4/users/me/identity", h.AccessToken);
        var limited = await h.GetAsync("v4/users/me/identity", h.AccessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("40", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("40s", limited.Json!["error"]!["details"]![1]!["retryDelay"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500, "INTERNAL")]
    [InlineData(503, "UNAVAILABLE")]
    [InlineData(429, "RESOURCE_EXHAUSTED")]
    public async Task InjectedFailures_AnswerInTheGoogleEnvelope_ThenServeAgain(int status, string googleStatus)
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);
        h.Sandbox.InjectFailures(status, 2);

        var first = await h.ListAsync("weight");
        var second = await h.ListAsync("weight");
        var third = await h.ListAsync("weight");

        Assert.Equal(status, (int)first.Status);
        Assert.Equal(googleStatus, first.ErrorStatus);
        Assert.Equal(status, first.Json!["error"]!["code"]!.GetValue<int>());
        Assert.Equal(status, (int)second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Theory]
    [InlineData(MalformedList.DataPointsNull, "{\"dataPoints\":null}")]
    [InlineData(MalformedList.DataPointsString, "{\"dataPoints\":\"[]\"}")]
    [InlineData(MalformedList.StringRoot, "\"no data points\"")]
    [InlineData(MalformedList.ArrayRoot, "[]")]
    [InlineData(MalformedList.TokenNotAString, "{\"dataPoints\":[],\"nextPageToken\":7}")]
    public async Task InjectedMalformedList_Answers200WithThatShape_ThenServesAgain(MalformedList shape, string body)
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);
        h.Sandbox.InjectMalformedList(shape, 1);

        var malformed = await h.ListAsync("weight");
        var next = await h.ListAsync("weight");

        Assert.Equal(HttpStatusCode.OK, malformed.Status);
        Assert.Equal(body, malformed.Text);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.NotNull(next.Json!["dataPoints"]);
    }

    [Fact]
    public async Task DenyEverything_Gives403ResourcePermissionDeniedOnEveryCall()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);
        h.Sandbox.DenyEverything(h.User);

        var list = await h.ListAsync("exercise");
        var identity = await h.GetAsync("v4/users/me/identity", h.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, list.Status);
        Assert.Equal("PERMISSION_DENIED", list.ErrorStatus);
        Assert.Equal("RESOURCE_PERMISSION_DENIED", list.Reason);
        Assert.Equal("RESOURCE_PERMISSION_DENIED", identity.Reason);
    }

    [Theory]
    [InlineData("GET", "legacy-fitbit/1/user/-/activities/list.json")]
    [InlineData("POST", "legacy-fitbit/oauth2/token")]
    [InlineData("GET", "legacy-fitbit/")]
    public async Task LegacyFitbitPaths_Answer410Gone(string method, string path)
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);

        var answer = await h.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Gone, answer.Status);
        Assert.NotNull(answer.Json);
    }

    [Fact]
    public async Task OtherVersionsAndUnknownQueryParameters_AreRefused()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);

        var beta = await h.GetAsync("v4beta/users/me/identity", h.AccessToken);
        var v3 = await h.GetAsync("v3/users/me/identity", h.AccessToken);
        var unknown = await h.GetAsync("v4/users/me/dataTypes/weight/dataPoints?updatedSince=2026-11-01", h.AccessToken);
        var snakeCase = await h.GetAsync("v4/users/me/dataTypes/weight/dataPoints?page_size=5", h.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, beta.Status);
        Assert.Equal(HttpStatusCode.NotFound, v3.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("INVALID_ARGUMENT", unknown.ErrorStatus);
        Assert.Equal(HttpStatusCode.OK, snakeCase.Status);
    }

    [Fact]
    public async Task DataRequests_RecordTheUserAndTheDecodedQuery()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);

        await h.ListAsync("exercise", "exercise.interval.civil_start_time >= \"2026-11-20\"", pageSize: "25");

        var entry = Assert.Single(h.Sandbox.DataRequests);
        Assert.Equal($"{h.User} GET /v4/users/me/dataTypes/exercise/dataPoints?filter=exercise.interval.civil_start_time >= \"2026-11-20\"&pageSize=25", entry);
    }
}
