using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.State.Sqlite;

public static class SqliteStateServiceCollectionExtensions
{
    /// <summary>Registers the SQLite state store (section <c>State</c>) behind every contract of LiverMuscle.Sync.State, and the <see cref="PersonRegistry"/> and <see cref="ProgrammeRegistry"/>.</summary>
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SqliteStateOptions>().BindStrictly(configuration).ValidateSection(configuration, new SqliteStateOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton<SqlitePersonStore>();
        services.TryAddSingleton<IPersonStore>(provider => provider.GetRequiredService<SqlitePersonStore>());
        services.TryAddSingleton<IUserStore>(provider => provider.GetRequiredService<SqlitePersonStore>());
        services.TryAddSingleton<IPersonStateEraser, SqlitePersonStateEraser>();
        services.TryAddSingleton<IPendingAuthorizationStore, SqlitePendingAuthorizationStore>();
        services.TryAddSingleton<PersonRegistry>();
        services.TryAddSingleton<IProgrammeStore, SqliteProgrammeStore>();
        services.TryAddSingleton<IReminderLog, SqliteReminderLog>();
        services.TryAddSingleton<ProgrammeRegistry>();
        services.TryAddSingleton<ITokenStore, SqliteTokenStore>();
        services.TryAddSingleton<ISyncCursorStore, SqliteCursorStore>();
        services.TryAddSingleton<ISyncRunLog, SqliteSyncRunLog>();
        services.TryAddSingleton<IAlertStateStore, SqliteAlertStateStore>();
        services.TryAddSingleton<IWriteSpool, SqliteWriteSpool>();
        services.TryAddSingleton<IKeyValueStore, SqliteKeyValueStore>();
        services.TryAddSingleton<IDeferredCompletionStore, SqliteDeferredCompletionStore>();
        services.TryAddSingleton<ITokenRefreshLeases, SqliteTokenRefreshLeases>();
        services.TryAddSingleton<IRequestWindowStore, SqliteRequestWindowStore>();
        services.TryAddSingleton<IPushSubscriptionStore, SqlitePushSubscriptionStore>();
        return services;
    }
}
