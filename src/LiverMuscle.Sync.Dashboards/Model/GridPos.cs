namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Position on Grafana's 24-column grid; height in grid rows.</summary>
public sealed record GridPos(int H, int W, int X, int Y);
