using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>
/// ASP.NET Core logs request paths, query strings and matched routes below Warning, and here those carry secrets: the
/// console's invitation links (<c>/invite/{person}/{token}</c>), the OAuth callback's <c>code</c> and the push callback
/// tokens (<c>/push/withings/{token}</c>). Whatever the configuration asks, for any logging provider, its categories log
/// at Warning and above.
/// </summary>
internal sealed class RequestPathLogCap : IPostConfigureOptions<LoggerFilterOptions>
{
    public const string Category = "Microsoft.AspNetCore";

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var rules = options.Rules.Select(Capped).ToList();
        // A provider's own rules outrank the rules for every provider, so each provider named gets the cap too.
        var providers = rules.Select(rule => rule.ProviderName).Append(null).Distinct(StringComparer.Ordinal).ToList();
        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }

        foreach (var provider in providers)
        {
            options.Rules.Add(new LoggerFilterRule(provider, Category, LogLevel.Warning, filter: null));
        }
    }

    private static LoggerFilterRule Capped(LoggerFilterRule rule) =>
        rule.CategoryName is { } category && category.StartsWith(Category, StringComparison.Ordinal) && (rule.LogLevel ?? LogLevel.Trace) < LogLevel.Warning
            ? new LoggerFilterRule(rule.ProviderName, category, LogLevel.Warning, rule.Filter)
            : rule;
}
