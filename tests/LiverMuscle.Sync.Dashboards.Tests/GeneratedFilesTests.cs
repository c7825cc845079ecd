using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Serialization;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

[Trait("Category", "Unit")]
public sealed class GeneratedFilesTests
{
    private static string DashboardsDirectory => Path.Combine(SharedData.RepositoryRoot, "dashboards");

    [Fact]
    public void CheckedInJson_EqualsWhatTheCodeGenerates()
    {
        foreach (var definition in DashboardCatalog.All)
        {
            var path = Path.Combine(DashboardsDirectory, definition.FileName);
            Assert.True(File.Exists(path), $"{path} is missing: run 'livermuscle-sync dashboards export' and commit the files.");
            var expected = DashboardJson.Serialize(definition.Build());
            var actual = File.ReadAllText(path);
            Assert.True(expected == actual, $"{path} differs from the generated dashboard '{definition.Uid}': run 'livermuscle-sync dashboards export' and commit the files.");
        }
    }

    [Fact]
    public void DashboardsDirectory_HoldsNoJsonTheCatalogDoesNotGenerate()
    {
        var expected = DashboardCatalog.All.Select(d => d.FileName).Order(StringComparer.Ordinal);
        var actual = Directory.GetFiles(DashboardsDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Export_WritesChangedFilesAndLeavesIdenticalOnesAlone()
    {
        var directory = Directory.CreateTempSubdirectory("livermuscle-export-");
        try
        {
            var first = await DashboardExporter.ExportAsync(directory, CancellationToken.None);
            Assert.All(first, f => Assert.True(f.Written));
            File.WriteAllText(first[0].Path, "{}");

            var second = await DashboardExporter.ExportAsync(directory, CancellationToken.None);

            Assert.Equal([true, false, false, false], second.Select(f => f.Written));
            Assert.Equal(DashboardJson.Serialize(DashboardCatalog.All[0].Build()), File.ReadAllText(first[0].Path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Uids_AreStableAndUnique()
    {
        Assert.Equal(["livermuscle-adherence", "livermuscle-household", "livermuscle-sync-health", "livermuscle-worker"], DashboardCatalog.All.Select(d => d.Build().Uid));
    }
}
