namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record Templating(IReadOnlyList<TemplateVariable> List);
