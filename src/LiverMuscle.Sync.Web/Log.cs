using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Web.Security;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Web;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Console: {Account} signed in from {Address}")]
    public static partial void SignedIn(ILogger logger, string account, string address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Console: a failed sign-in from {Address}")]
    public static partial void SignInFailed(ILogger logger, string address);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Console: sign-in refused from {Address}, the account is locked for {Seconds} s after repeated failures")]
    public static partial void SignInLockedOut(ILogger logger, string address, int seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Console: refused a request carrying {Header} from {Address}, which is not a trusted proxy")]
    public static partial void ProxyHeaderRefused(ILogger logger, string header, string address);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Console: invite link for {PersonId} created, open until {ExpiresAt:u}")]
    public static partial void InviteCreated(ILogger logger, string personId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Console: invite link for {PersonId} opened: {Status}")]
    public static partial void InviteOpened(ILogger logger, string personId, InviteStatus status);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Console: sync of {UserId} at {Provider} finished: {Outcome}, {Records} records")]
    public static partial void SyncFinished(ILogger logger, string userId, string provider, SyncOutcome outcome, int records);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Console: sync of {UserId} at {Provider} failed")]
    public static partial void SyncFailed(ILogger logger, string userId, string provider, Exception exception);
}
