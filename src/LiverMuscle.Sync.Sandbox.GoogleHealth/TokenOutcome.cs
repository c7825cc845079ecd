namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Token outcome for the token endpoint: either tokens or an RFC 6749 error.</summary>
internal sealed record TokenOutcome(Grant? Grant, string? Access, string? Refresh, string? Error, string? Description, int Status = 400);
