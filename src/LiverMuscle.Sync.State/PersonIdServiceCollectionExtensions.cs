using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State;

public static class PersonIdServiceCollectionExtensions
{
    /// <summary>
    /// Registers the person ids an options class names, each with the configuration key that names it: every id is
    /// checked at start (a slug, or the program stops naming the key), and the <paramref name="seeds"/> are added to
    /// the state store as people (<see cref="IPersonSeedSource"/>). <paramref name="references"/> are only checked.
    /// </summary>
    public static IServiceCollection AddPersonIdsOf<TOptions>(
        this IServiceCollection services,
        Func<TOptions, IEnumerable<(string PersonId, string Key)>> seeds,
        Func<TOptions, IEnumerable<(string PersonId, string Key)>>? references = null)
        where TOptions : class
    {
        services.AddSingleton<IPersonSeedSource>(provider => new OptionsPersonSeeds<TOptions>(provider.GetRequiredService<IOptionsMonitor<TOptions>>(), seeds));
        services.AddSingleton<IValidateOptions<TOptions>>(new PersonIdValidator<TOptions>(o => seeds(o).Concat(references?.Invoke(o) ?? [])));
        return services;
    }

    private sealed class OptionsPersonSeeds<TOptions>(IOptionsMonitor<TOptions> options, Func<TOptions, IEnumerable<(string PersonId, string Key)>> seeds) : IPersonSeedSource
    {
        public IEnumerable<(string PersonId, string Key)> Seeds => seeds(options.CurrentValue);
    }

    private sealed class PersonIdValidator<TOptions>(Func<TOptions, IEnumerable<(string PersonId, string Key)>> ids) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = ids(options).Select(x => PersonId.Problem(x.PersonId, x.Key)).OfType<string>().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
