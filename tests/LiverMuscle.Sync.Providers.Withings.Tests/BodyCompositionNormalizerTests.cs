using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Withings.Api;
using LiverMuscle.Sync.Providers.Withings.Sync;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.BodyComposition;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

[Trait("Category", "Unit")]
public sealed class BodyCompositionNormalizerTests
{
    private static MeasureGroup Group(long id, int attrib, params Measure[] measures) =>
        new(id, attrib, 1795558212, 1795558290, 1795558290, 1, attrib == 2 ? null : "abc", attrib == 2 ? null : 21, attrib == 2 ? null : "Body Scan", measures);

    [Fact]
    public void Normalize_BodyScanGroup_ScalesDeduplicatesAndMapsSegments()
    {
        var group = Group(6120334871, 0,
            new Measure(68450, 1, -3, null),
            new Measure(5297, 5, -2, 7),
            new Measure(1548, 8, -2, 7),
            new Measure(1895, 175, -2, 12),
            new Measure(231, 174, -2, 3),
            new Measure(64, 170, -1, 7),
            new Measure(1402, 226, 0, 7),
            new Measure(9999, 5, -2, 7));

        var page = BodyCompositionNormalizer.Normalize("alice", [group]);

        var point = Assert.Single(page.Points);
        Assert.Empty(page.Errors);
        Assert.Equal(68.45, point.Fields[F.WeightKg].Number);
        Assert.Equal(52.97, point.Fields[F.FatFreeMassKg].Number);
        Assert.Equal(15.48, point.Fields[F.FatMassKg].Number);
        Assert.Equal(18.95, point.Fields[F.SegmentMuscleMassKg(BodySegment.Trunk)].Number);
        Assert.Equal(2.31, point.Fields[F.SegmentFatMassKg(BodySegment.LeftArm)].Number);
        Assert.Equal(6.4, point.Fields[F.VisceralFatIndex].Number);
        Assert.Equal(1402, point.Fields[F.BasalMetabolicRateKcal].Number);
        Assert.Equal("6120334871", point.Fields[F.SourceId].Text);
        Assert.False(point.Fields[F.Manual].Boolean);
        Assert.Equal("body_scan", point.Tags[TagNames.Device]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795558212), point.Timestamp);
    }

    [Fact]
    public void Normalize_AmbiguousAndManualGroups_DropsAmbiguousAndMarksManual()
    {
        var page = BodyCompositionNormalizer.Normalize("alice", [Group(1, 1, new Measure(80000, 1, -3, null)), Group(2, 2, new Measure(6820, 1, -2, null))]);

        var point = Assert.Single(page.Points);
        Assert.Equal("2", point.Fields[F.SourceId].Text);
        Assert.True(point.Fields[F.Manual].Boolean);
        Assert.Equal(68.2, point.Fields[F.WeightKg].Number);
        Assert.False(point.Tags.ContainsKey(TagNames.Device));
    }

    [Fact]
    public void Normalize_GroupWithoutValue_ReportsGrpidAndKeepsTheRest()
    {
        var page = BodyCompositionNormalizer.Normalize("alice", [Group(10, 0, new Measure(70000, 1, -3, null)), Group(11, 0, new Measure(null, 1, -3, null)), Group(12, 0, new Measure(1, 1, 400, null))]);

        Assert.Equal("10", Assert.Single(page.Points).Fields[F.SourceId].Text);
        Assert.Equal(["11", "12"], page.Errors.Select(e => e.RecordId).ToArray());
        Assert.Contains("11", page.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, WithingsStatusKind.Ok)]
    [InlineData(401, WithingsStatusKind.InvalidToken)]
    [InlineData(503, WithingsStatusKind.InvalidParams)]
    [InlineData(601, WithingsStatusKind.RateLimited)]
    [InlineData(522, WithingsStatusKind.Transient)]
    [InlineData(5003, WithingsStatusKind.Transient)]
    [InlineData(2554, WithingsStatusKind.NotImplemented)]
    [InlineData(2555, WithingsStatusKind.Unauthorized)]
    [InlineData(286, WithingsStatusKind.InvalidParams)]
    public void Classify_Status_MapsToFamily(int status, WithingsStatusKind expected) =>
        Assert.Equal(expected, WithingsStatus.Classify(status));

    [Theory]
    [InlineData("Body+", "body_plus")]
    [InlineData("Body", "body")]
    [InlineData("Body Comp", "body_comp")]
    [InlineData("Body Pro 2", "body_pro_2")]
    [InlineData(" Body Cardio ", "body_cardio")]
    public void DeviceTag_KeepsModelsApart(string model, string tag) => Assert.Equal(tag, BodyCompositionNormalizer.DeviceTag(model));

    [Fact]
    public void Normalize_ABodyPlusWeighIn_NamesTheTagAnEarlierVersionWroteItWith()
    {
        MeasureGroup Of(string model) => new(7, 0, 1795558212, null, null, 1, "abc", 13, model, [new Measure(68450, 1, -3, null)]);

        var plus = Assert.Single(BodyCompositionNormalizer.Normalize("alice", [Of("Body+")]).Records);
        var body = Assert.Single(BodyCompositionNormalizer.Normalize("alice", [Of("Body")]).Records);

        Assert.Equal("body_plus", plus.Point.Tags[TagNames.Device]);
        Assert.Equal("body", Assert.Single(plus.FormerTags)[TagNames.Device]);
        Assert.Equal(plus.Point.Tags.Where(t => t.Key != TagNames.Device), Assert.Single(plus.FormerTags).Where(t => t.Key != TagNames.Device));
        Assert.Empty(body.FormerTags);
    }
}
