namespace LiverMuscle.Sync.Web.Security;

/// <summary>An invite as stored: only the SHA-256 of its token, when it was made, until when it opens, and when it was used.</summary>
internal sealed record InviteRecord(string TokenHash, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
