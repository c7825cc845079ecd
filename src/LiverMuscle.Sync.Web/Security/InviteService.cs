using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// Invite links for one person: single use, open for <see cref="ConsoleOptions.InviteLifetime"/>, only the hash of
/// the token stored (under <c>console/invite/{personId}</c>, so erasing the person erases it). A new link for the
/// same person replaces the previous one.
/// </summary>
internal sealed class InviteService(IKeyValueStore store, IPersonStore people, IOptionsMonitor<ConsoleOptions> options, TimeProvider time, ILogger<InviteService> logger) : IDisposable
{
    private readonly SemaphoreSlim _redeem = new(1, 1);

    public void Dispose() => _redeem.Dispose();

    /// <summary>A new token for the person and when it stops working, or null for an unknown person.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)?> CreateAsync(string personId, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(personId, cancellationToken) is null)
        {
            return null;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var record = new InviteRecord(Hash(token), now, now + options.CurrentValue.InviteLifetime, null);
        await store.SetAsync(Key(personId), JsonSerializer.Serialize(record, WebJsonContext.Default.InviteRecord), secret: false, cancellationToken);
        Log.InviteCreated(logger, personId, record.ExpiresAt);
        return (token, record.ExpiresAt);
    }

    /// <summary>Whether the link would open now, without using it.</summary>
    public async Task<InviteStatus> CheckAsync(string personId, string token, CancellationToken cancellationToken) =>
        Status(await ReadAsync(personId, cancellationToken), token);

    /// <summary>Uses the link: valid at most once.</summary>
    public async Task<InviteStatus> RedeemAsync(string personId, string token, CancellationToken cancellationToken)
    {
        await _redeem.WaitAsync(cancellationToken);
        try
        {
            var record = await ReadAsync(personId, cancellationToken);
            var status = Status(record, token);
            if (status == InviteStatus.Valid)
            {
                var used = record! with { UsedAt = time.GetUtcNow() };
                await store.SetAsync(Key(personId), JsonSerializer.Serialize(used, WebJsonContext.Default.InviteRecord), secret: false, cancellationToken);
            }

            Log.InviteOpened(logger, personId, status);
            return status;
        }
        finally
        {
            _redeem.Release();
        }
    }

    private InviteStatus Status(InviteRecord? record, string token)
    {
        if (record is null || token.Length == 0 ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(record.TokenHash), Encoding.ASCII.GetBytes(Hash(token))))
        {
            return InviteStatus.Unknown;
        }

        return record.UsedAt is not null ? InviteStatus.Used : time.GetUtcNow() >= record.ExpiresAt ? InviteStatus.Expired : InviteStatus.Valid;
    }

    private async Task<InviteRecord?> ReadAsync(string personId, CancellationToken cancellationToken) =>
        PersonId.IsValid(personId) && await store.GetAsync(Key(personId), cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, WebJsonContext.Default.InviteRecord)
            : null;

    private static string Key(string personId) => "console/invite/" + personId;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
