namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>A weight (grams), body-fat (percent) or height (millimetres) sample as the sandbox serves it.</summary>
public sealed record SandboxSample(string Name, DateTimeOffset Time, TimeSpan UtcOffset, double Value);
