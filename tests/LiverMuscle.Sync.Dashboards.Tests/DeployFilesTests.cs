using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>The docker-compose stack's Grafana provisioning files agree with what the code generates.</summary>
[Trait("Category", "Unit")]
public sealed class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(SharedData.RepositoryRoot, "deploy");

    [Fact]
    public void DatasourceFile_DeclaresTheUidTheDashboardsQuery()
    {
        var datasources = Sequence(Load("grafana/provisioning/datasources/influxdb.yaml"), "datasources");

        var datasource = Assert.Single(datasources);
        Assert.Equal(DashboardDefaults.DatasourceUid, Scalar(datasource, "uid"));
        Assert.Equal("influxdb", Scalar(datasource, "type"));
        Assert.Equal("proxy", Scalar(datasource, "access"));
        var usedByPanels = DashboardCatalog.OnInfluxDb.SelectMany(d => d.Build().Panels).SelectMany(p => p.Targets).Select(t => t.Datasource.Uid).Distinct();
        Assert.Equal([DashboardDefaults.DatasourceUid], usedByPanels);
    }

    [Fact]
    public void DatasourceFiles_DeclareEveryDatasourceTheExportedDashboardsQuery_WithItsType()
    {
        var declared = Directory.GetFiles(Path.Combine(Deploy, "grafana", "provisioning", "datasources"), "*.yaml")
            .SelectMany(f => Sequence(Load(Path.GetRelativePath(Deploy, f)), "datasources"))
            .ToDictionary(d => Scalar(d, "uid"), d => Scalar(d, "type"), StringComparer.Ordinal);
        var used = DashboardCatalog.All.SelectMany(d => d.Build().Panels).SelectMany(p => p.Targets).Select(t => t.Datasource).Distinct().ToList();

        Assert.Contains(used, d => d.Uid == DashboardDefaults.PrometheusDatasourceUid);
        Assert.All(used, d => Assert.Equal(d.Type, declared.GetValueOrDefault(d.Uid)));
    }

    [Fact]
    public void PrometheusDatasource_PointsAtTheComposePrometheus_WhichScrapesTheWorkersListener()
    {
        var datasource = Sequence(Load("grafana/provisioning/datasources/prometheus.yaml"), "datasources").Single();
        var services = Map(Load("docker-compose.yml"), "services");
        var prometheus = Map(services, "prometheus");
        var scrape = (YamlMappingNode)Sequence(LoadFrom(Path.Combine(Deploy, "prometheus", "prometheus.yml")), "scrape_configs").Single();
        var listen = new Uri(Scalar(Map(Map(services, "worker"), "environment"), "LIVERMUSCLE__Sync__Push__ListenUrl"));

        Assert.Equal("http://prometheus:9090", Scalar(datasource, "url"));
        Assert.Contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", Sequence(prometheus, "volumes").Cast<YamlScalarNode>().Select(v => v.Value));
        Assert.Equal("/metrics", Scalar(scrape, "metrics_path"));
        var target = Assert.Single(Sequence((YamlMappingNode)Sequence(scrape, "static_configs").Single(), "targets"));
        Assert.Equal($"worker:{listen.Port}", ((YamlScalarNode)target).Value);
    }

    [Fact]
    public void DatasourceFile_PointsAtTheComposeInfluxDbAndTheWorkersDatabase()
    {
        var datasource = Sequence(Load("grafana/provisioning/datasources/influxdb.yaml"), "datasources").Single();
        var worker = Map(Map(Map(Load("docker-compose.yml"), "services"), "worker"), "environment");

        var url = new Uri(Scalar(datasource, "url"));
        Assert.Equal(Scalar(worker, "LIVERMUSCLE__InfluxDb__Url"), url.ToString().TrimEnd('/'));
        Assert.Contains("influxdb", Map(Load("docker-compose.yml"), "services").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(Scalar(worker, "LIVERMUSCLE__InfluxDb__Database"), Scalar(Map(datasource, "jsonData"), "dbName"));
    }

    [Fact]
    public void DashboardProvider_ReadsExactlyTheGeneratedFiles_IntoTheProvisionedFolder()
    {
        var provider = Assert.Single(Sequence(Load("grafana/provisioning/dashboards/dashboards.yaml"), "providers"));
        var grafana = Map(Map(Load("docker-compose.yml"), "services"), "grafana");
        var containerPath = Scalar(Map(provider, "options"), "path");

        var hostDirectory = HostDirectoryOf(grafana, containerPath);

        Assert.Equal(Path.Combine(SharedData.RepositoryRoot, "dashboards"), hostDirectory);
        var files = Directory.GetFiles(hostDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(DashboardCatalog.All.Select(d => d.FileName).Order(StringComparer.Ordinal), files);
        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal(DashboardDefaults.FolderUid, Scalar(provider, "folderUid"));
        Assert.Equal(DashboardDefaults.FolderTitle, Scalar(provider, "folder"));
    }

    [Fact]
    public void Compose_MountsTheProvisioningFolder_AndBuildsTheWorkerFromItsDockerfile()
    {
        var services = Map(Load("docker-compose.yml"), "services");

        Assert.Equal(Path.Combine(Deploy, "grafana", "provisioning"), HostDirectoryOf(Map(services, "grafana"), "/etc/grafana/provisioning"));
        Assert.StartsWith("influxdb:1.8", Scalar(Map(services, "influxdb"), "image"), StringComparison.Ordinal);
        var build = Map(Map(services, "worker"), "build");
        var dockerfile = Path.GetFullPath(Path.Combine(Deploy, Scalar(build, "context"), Scalar(build, "dockerfile")));
        Assert.True(File.Exists(dockerfile), dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"livermuscle-sync.dll\"]", File.ReadAllText(dockerfile), StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>livermuscle-sync</AssemblyName>", File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "LiverMuscle.Sync.Worker", "LiverMuscle.Sync.Worker.csproj")), StringComparison.Ordinal);
    }

    /// <summary>The host directory a service's bind mount (<c>./host:/container[:ro]</c>) maps onto a container path.</summary>
    private static string HostDirectoryOf(YamlMappingNode service, string containerPath)
    {
        foreach (var volume in Sequence(service, "volumes").Cast<YamlScalarNode>().Select(v => v.Value!.Split(':')))
        {
            if (volume.Length >= 2 && volume[1] == containerPath && volume[0].StartsWith('.'))
            {
                return Path.GetFullPath(Path.Combine(Deploy, volume[0]));
            }
        }

        throw new Xunit.Sdk.XunitException($"no bind mount onto {containerPath}");
    }

    private static YamlMappingNode Load(string relative) => LoadFrom(Path.Combine(Deploy, relative));

    private static YamlMappingNode LoadFrom(string path)
    {
        using var reader = new StreamReader(path);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static List<YamlNode> Sequence(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;
}
