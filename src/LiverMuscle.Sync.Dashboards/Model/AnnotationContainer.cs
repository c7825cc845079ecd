namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record AnnotationContainer(IReadOnlyList<AnnotationQuery> List);
