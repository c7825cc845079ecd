using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// What the people list shows of a person: each provider's state, this week's adherence, the latest weigh-in and
/// markers, Grafana links. <paramref name="InfluxProblem"/> says why the InfluxDB parts are missing, if they are.
/// </summary>
internal sealed record PersonOverview(
    Person Person,
    IReadOnlyList<ProviderStatus> Providers,
    AdherenceWeek? Week,
    WeighIn? LatestWeighIn,
    IReadOnlyList<MarkerReading> Markers,
    IReadOnlyList<DashboardLink> Dashboards,
    string? InfluxProblem);
