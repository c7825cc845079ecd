using System.Text.Json;
using System.Text.Json.Serialization;
using LiverMuscle.Sync.Providers.Records;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

[Trait("Category", "Unit")]
public sealed class JsonRecordsTests
{
    [Fact]
    public void ReadEach_NumberOrStringIds_BothRead_AnUnreadableElementIsNamedAndSkipped()
    {
        using var json = JsonDocument.Parse("""
            [ { "id": 1, "deviceid": 15542329, "start": 10 },
              { "id": "2", "deviceid": "3c1f9ab2", "start": 20 },
              { "id": 3, "deviceid": null, "start": "soon" },
              { "deviceid": [], "start": 30 } ]
            """);

        var parsed = JsonRecords.ReadEach(json.RootElement, TestJsonContext.Default.Device, "id", "workout");

        Assert.Equal([("15542329", 10L), ("3c1f9ab2", 20L)], parsed.Items.Select(d => (d.DeviceId!, d.Start)));
        Assert.Equal(["3", "#3"], parsed.Errors.Select(e => e.RecordId));
        Assert.StartsWith("workout 3 cannot be read: ", parsed.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "status": 0 }""", "body")]
    [InlineData("""{ "body": {} }""", "body")]
    [InlineData("""{ "body": { "measuregrps": null } }""", "body")]
    [InlineData("""{ "body": { "measuregrps": {} } }""", "body")]
    [InlineData("""{ "body": "ok" }""", "body")]
    public void RequireArray_MissingOrNotAList_IsAMalformedAnswer(string answer, string member)
    {
        using var json = JsonDocument.Parse(answer);
        var body = json.RootElement.TryGetProperty(member, out var b) ? b : default;

        var error = Assert.Throws<InvalidDataException>(() => JsonRecords.RequireArray(body, "measuregrps", "Withings getmeas"));

        Assert.Contains("Withings getmeas carries no 'measuregrps' list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalMembers_AbsentIsFine_AnotherTypeIsMalformed()
    {
        using var empty = JsonDocument.Parse("{}");
        using var wrong = JsonDocument.Parse("""{ "dataPoints": {}, "nextPageToken": 7 }""");

        Assert.Null(JsonRecords.OptionalArray(empty.RootElement, "dataPoints", "a list"));
        Assert.Null(JsonRecords.OptionalString(empty.RootElement, "nextPageToken", "a list"));
        Assert.Throws<InvalidDataException>(() => JsonRecords.OptionalArray(wrong.RootElement, "dataPoints", "a list"));
        Assert.Throws<InvalidDataException>(() => JsonRecords.OptionalString(wrong.RootElement, "nextPageToken", "a list"));
    }
}

internal sealed record Device(
    [property: JsonPropertyName("deviceid"), JsonConverter(typeof(JsonIdConverter))] string? DeviceId,
    [property: JsonPropertyName("start")] long Start);

[JsonSerializable(typeof(Device))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
