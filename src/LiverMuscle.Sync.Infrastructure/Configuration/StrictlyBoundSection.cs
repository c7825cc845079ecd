namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>A configuration section bound with <see cref="StrictBindingExtensions.BindStrictly{TOptions}"/>.</summary>
internal sealed record StrictlyBoundSection(string Path);
