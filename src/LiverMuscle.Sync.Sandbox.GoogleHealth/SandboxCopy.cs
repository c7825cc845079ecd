namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// A data point that another source holds of an event a typed record stands for: its internal name, whether the list
/// serves that name (Health Connect samples come without one), its type, the primary point's name and its platform.
/// </summary>
public sealed record SandboxCopy(string Name, bool Named, string DataType, string CopyOf, string Platform);
