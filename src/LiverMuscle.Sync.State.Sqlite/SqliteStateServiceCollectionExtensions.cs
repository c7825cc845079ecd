using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.State.Sqlite;

public static class SqliteStateServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
