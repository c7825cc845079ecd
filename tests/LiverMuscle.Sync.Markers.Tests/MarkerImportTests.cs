using System.Globalization;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

[Collection(InfluxCollection.Name)]
public sealed class MarkerImportTests(InfluxDbFixture influx)
{
    private const string Csv = """
        date,marker,value,unit
        2026-10-02,alt,41,U/L
        2026-10-02,ast,0.6,µkat/L
        2026-10-02,platelets,210,10^3/µL
        2026-10-02,albumin,41,g/L
        2026-10-02,alt,-4,U/L
        2026-13-02,ggt,30,U/L
        2026-10-02,ggt,abc,U/L
        2026-10-02,ggt,30,mmol/L
        2026-10-02,ggt,30
        2026-10-03T07:30:00+02:00,grip_strength,24.5,kg
        """;

    [Fact]
    public async Task CsvImport_WithBadRows_StoresGoodRowsInCanonicalUnitsAndNamesEachBadLine()
    {
        var database = await influx.NewDatabaseAsync("markers");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var file = Path.Combine(harness.Directory, "labs.csv");
        await File.WriteAllTextAsync(file, Csv);

        var report = await harness.Get<MarkerRecorder>().ImportCsvAsync("alice", file, CancellationToken.None);

        Assert.Equal(5, report.Stored);
        Assert.Equal(
            [
                "line 10: expected 4 columns (date,marker,value,unit), found 3",
                "line 6: negative value -4 U/L for alt",
                "line 7: date '2026-13-02' is not yyyy-MM-dd or an ISO 8601 time with offset",
                "line 8: value 'abc' is not a number",
                "line 9: unknown unit 'mmol/L' for ggt (expected U/L, IU/L, µkat/L, ukat/L)",
            ],
            report.Errors.Select(e => e.ToString()).ToArray());

        var stored = await ReadMarkersAsync(database, "lab");
        // 2026-10-02 is local midnight in Europe/Berlin (UTC+2 in October).
        Assert.Equal(
            [
                "albumin@2026-10-01T22:00:00Z=4.1 g/dL",
                "alt@2026-10-01T22:00:00Z=41 U/L",
                "ast@2026-10-01T22:00:00Z=36 U/L",
                "grip_strength@2026-10-03T05:30:00Z=24.5 kg",
                "platelets@2026-10-01T22:00:00Z=210 10^9/L",
            ],
            stored);
    }

    [Fact]
    public async Task CsvImport_RunTwice_ChangesNothing()
    {
        var database = await influx.NewDatabaseAsync("markers");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var file = Path.Combine(harness.Directory, "labs.csv");
        await File.WriteAllTextAsync(file, Csv);
        var recorder = harness.Get<MarkerRecorder>();

        await recorder.ImportCsvAsync("alice", file, CancellationToken.None);
        var first = (await influx.ExecuteAsync("SELECT * FROM health_marker", database)).RootElement.ToString();
        var again = await recorder.ImportCsvAsync("alice", file, CancellationToken.None);
        var second = (await influx.ExecuteAsync("SELECT * FROM health_marker", database)).RootElement.ToString();

        Assert.Equal(5, again.Stored);
        Assert.Equal(first, second);
        Assert.Equal(6, await influx.CountAsync(database, "health_marker", "value"));
    }

    [Fact]
    public async Task FhirBundleImport_StoresLabObservationsByLoincAndNamesEachBadEntry()
    {
        var database = await influx.NewDatabaseAsync("markers");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var file = Path.Combine(harness.Directory, "bundle.json");
        await File.WriteAllTextAsync(file, FhirBundles.LabResults);
        var recorder = harness.Get<MarkerRecorder>();

        var report = await recorder.ImportFhirAsync("alice", file, CancellationToken.None);

        Assert.Equal(3, report.Stored);
        Assert.Equal(
            [
                "entry 4 (Observation/chol): LOINC 2093-3 is not a known marker",
                "entry 5 (Observation/ast-missing): ast has no valueQuantity",
                "entry 6 (Observation/ggt-negative): negative value -5 U/L for ggt",
            ],
            report.Errors.Select(e => e.ToString()).ToArray());
        Assert.Equal(
            [
                "alt@2026-09-01T06:00:00Z=42 U/L",
                "hba1c@2026-08-31T22:00:00Z=5.6 %",
                "platelets@2026-08-31T22:00:00Z=180 10^9/L",
            ],
            await ReadMarkersAsync(database, "lab"));

        var before = (await influx.ExecuteAsync("SELECT * FROM health_marker", database)).RootElement.ToString();
        await recorder.ImportFhirAsync("alice", file, CancellationToken.None);
        Assert.Equal(before, (await influx.ExecuteAsync("SELECT * FROM health_marker", database)).RootElement.ToString());
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1"}""", "Not a FHIR R4 Bundle: resourceType is 'Patient'.")]
    [InlineData("[1, 2]", "Not a FHIR R4 Bundle: the file holds a JSON array.")]
    [InlineData("""{"resourceType":"Bundle","entry":{"resource":{}}}""", "Not a FHIR R4 Bundle: 'entry' is not a list.")]
    [InlineData("{ not json", "Not a FHIR R4 Bundle: not JSON")]
    public async Task FhirImport_OfSomethingElse_FailsWithAClearMessage(string content, string message)
    {
        var database = await influx.NewDatabaseAsync("markers");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var file = Path.Combine(harness.Directory, "bundle.json");
        await File.WriteAllTextAsync(file, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => harness.Get<MarkerRecorder>().ImportFhirAsync("alice", file, CancellationToken.None));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FhirImport_IllTypedObservation_IsNamedAndTheRestOfTheBundleIsStored()
    {
        var database = await influx.NewDatabaseAsync("markers");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var file = Path.Combine(harness.Directory, "bundle.json");
        await File.WriteAllTextAsync(file, """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Observation","id":"bad","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1742-6"}]},"valueQuantity":{"value":"x"}}},
              {"resource":{"resourceType":"Observation","id":"alt","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1742-6"}]},"effectiveDateTime":"2026-09-01T08:00:00+02:00","valueQuantity":{"value":42,"unit":"U/L"}}}
            ]}
            """);

        var report = await harness.Get<MarkerRecorder>().ImportFhirAsync("alice", file, CancellationToken.None);

        Assert.Equal(1, report.Stored);
        var error = Assert.Single(report.Errors);
        Assert.Equal("entry 1 (Observation/bad)", error.Location);
        Assert.StartsWith("not a valid FHIR Observation: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["alt@2026-09-01T06:00:00Z=42 U/L"], await ReadMarkersAsync(database, "lab"));
    }

    [Fact]
    public async Task ManualEntry_IsStoredWithSourceManual()
    {
        var database = await influx.NewDatabaseAsync("markers");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);

        var report = await harness.Get<MarkerRecorder>().AddAsync("alice", "chair_stand_5x", 13.2, "s", MarkerTime.OfDate(new DateOnly(2026, 11, 2)), CancellationToken.None);

        Assert.Equal(1, report.Stored);
        Assert.Empty(report.Errors);
        // November: Europe/Berlin is UTC+1.
        Assert.Equal(["chair_stand_5x@2026-11-01T23:00:00Z=13.2 s"], await ReadMarkersAsync(database, "manual"));
    }

    private async Task<string[]> ReadMarkersAsync(string database, string source)
    {
        using var json = await influx.ExecuteAsync($"SELECT \"value\", \"unit\" FROM \"health_marker\" WHERE \"source\" = '{source}' GROUP BY \"marker\"", database);
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return [];
        }

        return series.EnumerateArray()
            .SelectMany(s => s.GetProperty("values").EnumerateArray().Select(v =>
                $"{s.GetProperty("tags").GetProperty("marker").GetString()}@{v[0].GetString()}={v[1].GetDouble().ToString(CultureInfo.InvariantCulture)} {v[2].GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
