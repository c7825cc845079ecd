namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>A zipped export that cannot be used as a whole (not a zip, past a size limit); the message says what to do.</summary>
public sealed class ExportArchiveException(string message, Exception? inner = null) : Exception(message, inner);
