using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State.Sqlite;

public static class SqliteStateServiceCollectionExtensions
{
    /// <summary>Registers the SQLite state store (section <c>State</c>) behind every contract of LiverMuscle.Sync.State.</summary>
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SqliteStateOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStateOptions>, SqliteStateOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton<IUserStore, SqliteUserStore>();
        services.TryAddSingleton<ITokenStore, SqliteTokenStore>();
        services.TryAddSingleton<ISyncCursorStore, SqliteCursorStore>();
        services.TryAddSingleton<ISyncRunLog, SqliteSyncRunLog>();
        services.TryAddSingleton<IAlertStateStore, SqliteAlertStateStore>();
        services.TryAddSingleton<IWriteSpool, SqliteWriteSpool>();
        services.TryAddSingleton<IKeyValueStore, SqliteKeyValueStore>();
        services.TryAddSingleton<IDeferredCompletionStore, SqliteDeferredCompletionStore>();
        return services;
    }
}
