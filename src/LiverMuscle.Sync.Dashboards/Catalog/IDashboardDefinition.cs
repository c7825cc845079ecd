using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>One dashboard as code: a stable uid and a method that builds its JSON model.</summary>
public interface IDashboardDefinition
{
    string Uid { get; }

    /// <summary>The file name under <c>dashboards/</c>: the uid plus <c>.json</c>.</summary>
    string FileName => Uid + ".json";

    Dashboard Build();
}
