using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

public static class StrictBindingExtensions
{
    /// <summary>
    /// Binds <paramref name="section"/> like <c>Bind</c>, after checking that no entry in it would be dropped: a value
    /// that does not convert (also inside a list or dictionary), a dictionary key of the wrong type, a key no property
    /// matches. Any such entry fails the options with an <see cref="OptionsValidationException"/> naming its full key,
    /// so with <c>ValidateOnStart</c> a bad setting stops the start. Sub-sections bound by another
    /// <c>BindStrictly</c> (e.g. <c>Sync:Push</c> inside <c>Sync</c>) are left to that binding.
    /// </summary>
    public static OptionsBuilder<TOptions> BindStrictly<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration section)
        where TOptions : class
    {
        var path = KeyOf(section);
        builder.Services.AddSingleton(new StrictlyBoundSection(path));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(builder.Name, section));
        builder.Configure<IEnumerable<StrictlyBoundSection>>((options, bound) =>
        {
            var elsewhere = bound.Select(s => s.Path).Where(p => !p.Equals(path, StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var problems = UnboundEntries.Find(typeof(TOptions), section, elsewhere.Contains);
            if (problems.Count > 0)
            {
                throw new OptionsValidationException(builder.Name, typeof(TOptions), problems);
            }

            section.Bind(options);
        });
        return builder;
    }

    /// <summary>
    /// Validates the options with <paramref name="validator"/>, which is called with the key of
    /// <paramref name="section"/> (e.g. <c>Sync:Push</c>) as the options name: an <c>[OptionsValidator]</c> class then
    /// reports <c>Sync:Push:ListenUrl must …</c>, and a hand-written one prefixes its messages with that name.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateSection<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration section, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(KeyOf(section), validator));
        return builder;
    }

    private static string KeyOf(IConfiguration section) => (section as IConfigurationSection)?.Path ?? string.Empty;
}
