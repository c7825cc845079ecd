namespace LiverMuscle.Sync.Worker.Cli;

/// <summary>The command line itself is wrong; the message says how. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
