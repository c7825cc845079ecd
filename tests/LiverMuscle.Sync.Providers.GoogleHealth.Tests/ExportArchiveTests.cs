using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>A Fitbit export given as the .zip it is downloaded as: unpacked safely, then imported like the folder.</summary>
public sealed class ExportArchiveTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IAsyncLifetime
{
    private ImportStack _import = null!;

    private FitbitStack Stack => _import.Stack;

    private ExportFolder Export => _import.Export;

    private FitbitExportImporter Importer => Stack.Services.GetRequiredService<FitbitExportImporter>();

    public async Task InitializeAsync()
    {
        _import = await ImportStack.StartAsync(influx);
        await _import.AddPersonAsync("zed", "Europe/Paris");
        Export.Write("Takeout/Fitbit/Global Export Data/exercise-0.json", """[ { "logId": 5, "activityName": "Weights", "duration": 1800000, "startTime": "10/01/25 18:00:00", "calories": 200 } ]""");
        Export.Write("Takeout/Fitbit/Global Export Data/weight-2025-10-01.json", """[ { "logId": 1, "weight": 80.0, "bmi": 24.7, "date": "10/01/25", "time": "07:00:00", "source": "Aria" } ]""");
        Export.Write("Takeout/Fitbit/Global Export Data/heart_rate-2025-10-01.json", """[ { "dateTime": "10/01/25 18:00:00", "value": { "bpm": 98, "confidence": 3 } } ]""");
    }

    public async Task DisposeAsync() => await _import.DisposeAsync();

    [Fact]
    public async Task AZippedExport_IsImportedAsItsFolderIs_OnlyTheFilesReadAreUnpacked_AndTheUnpackedFolderIsRemoved()
    {
        using var source = Importer.Open(Export.Zip());
        var unpacked = source.Folder;
        Assert.Equal(["exercise-0.json", "weight-2025-10-01.json"], Directory.EnumerateFiles(unpacked, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order());
        Assert.Equal("700", Convert.ToString((int)File.GetUnixFileMode(unpacked), 8)[^3..]);

        var run = await Stack.Runner.RunAsync(new SyncRequest("zed", null, SyncMode.Backfill), source, null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Ok, 2), (run.Outcome, run.Records));
        Assert.Equal((1, 1, "kg"), (source.Report.Sessions, source.Report.WeighIns, source.Report.WeightUnit!.Unit));
        Assert.Equal(200, (await influx.ScalarAsync("SELECT \"calories_kcal\" FROM \"strength_session\" WHERE \"user\" = 'zed'", Stack.Database))!.Value.GetInt64());
        Assert.Equal(80.0, (await influx.ScalarAsync("SELECT \"weight_kg\" FROM \"body_composition\" WHERE \"user\" = 'zed'", Stack.Database))!.Value.GetDouble());
        source.Dispose();
        Assert.False(Directory.Exists(unpacked));
    }

    [Fact]
    public async Task AnEntryWhosePathLeavesTheExport_IsReportedAndSkipped_AndNothingIsWrittenOutsideIt()
    {
        var outside = Path.Combine(Path.GetTempPath(), "weight-escaped.json");
        File.Delete(outside);
        var zip = Export.Zip(
            ("../weight-escaped.json", """[ { "logId": 9, "weight": 99.0, "date": "10/02/25", "time": "07:00:00" } ]"""),
            ("/tmp/weight-absolute.json", """[ { "logId": 10, "weight": 99.0, "date": "10/03/25", "time": "07:00:00" } ]"""),
            ("Takeout/Fitbit/Global Export Data/../../../../weight-deep.json", "[]"));

        using var source = Importer.Open(zip);
        var run = await Stack.Runner.RunAsync(new SyncRequest("zed", null, SyncMode.Backfill), source, null, CancellationToken.None);

        Assert.False(File.Exists(outside));
        Assert.False(File.Exists("/tmp/weight-absolute.json"));
        Assert.Equal(3, source.Report.Errors.Count(e => e.Reason.StartsWith("its path leaves the export", StringComparison.Ordinal)));
        Assert.Contains(source.Report.Errors, e => e.RecordId == "../weight-escaped.json");
        Assert.Equal((SyncOutcome.Partial, 2), (run.Outcome, run.Records));
        Assert.Equal(1, await influx.CountAsync(Stack.Database, "body_composition", F.BodyComposition.WeightKg, "\"user\" = 'zed'"));
    }

    [Fact]
    public void AFileThatUnpacksPastTheLimit_StopsTheImport_AndLeavesNothingBehind()
    {
        var before = Unpacked();
        Export.Write("Takeout/Fitbit/Global Export Data/weight-2025-11-01.json", "[" + string.Join(',', Enumerable.Repeat("""{ "logId": 1, "weight": 80.0, "date": "10/01/25", "time": "07:00:00" }""", 2000)) + "]");

        var zip = Export.Zip();
        var refused = Assert.Throws<ExportArchiveException>(() => Importer.Open(zip, new ExportArchiveLimits(MaxFileBytes: 64 * 1024, MaxTotalBytes: 1 << 20, MaxEntries: 100)));

        Assert.Contains("weight-2025-11-01.json' in 'takeout.zip' unpacks to more than 65536 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Unpacked());

        var total = Assert.Throws<ExportArchiveException>(() => Importer.Open(zip, new ExportArchiveLimits(MaxFileBytes: 1 << 20, MaxTotalBytes: 1024, MaxEntries: 100)));
        Assert.Contains("The files to read in 'takeout.zip' unpack to more than 1024 bytes", total.Message, StringComparison.Ordinal);
        var entries = Assert.Throws<ExportArchiveException>(() => Importer.Open(zip, new ExportArchiveLimits(MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 20, MaxEntries: 2)));
        Assert.Contains("has 4 entries, more than the 2", entries.Message, StringComparison.Ordinal);
        Assert.Equal(before, Unpacked());
    }

    [Fact]
    public void AFileThatIsNotAZip_IsOneClearError()
    {
        var file = Path.Combine(Export.Root.FullName, "export.zip");
        File.WriteAllText(file, "not a zip");

        var refused = Assert.Throws<ExportArchiveException>(() => Importer.Open(file));

        Assert.StartsWith("'export.zip' is not a zip archive (", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("give the export's .zip or the folder it unpacks to.", refused.Message, StringComparison.Ordinal);
    }

    private static string[] Unpacked() => [.. Directory.EnumerateDirectories(Path.GetTempPath(), "livermuscle-export-*").Order()];
}
