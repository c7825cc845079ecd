using System.CommandLine;
using LiverMuscle.Sync.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>
/// The composition root. Configuration comes from appsettings.json, the <c>--config</c> file,
/// <c>LIVERMUSCLE__</c> environment variables and <c>--set</c> overrides, in that order.
/// </summary>
internal static class WorkerHost
{
    public const string EnvironmentPrefix = "LIVERMUSCLE__";

    /// <summary>Push, health and readiness endpoints listen on loopback unless <c>Sync:Push:ListenUrl</c> says otherwise.</summary>
    public const string DefaultListenUrl = "http://127.0.0.1:8089";

    /// <summary>Builds the host and validates every options class now, so a bad setting stops any verb at once.</summary>
    public static WebApplication Build(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var app = CreateBuilder(parse, overrides).Build();
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }

    public static WebApplicationBuilder CreateBuilder(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        AddSources(configuration, parse, overrides);

        // Logs go to stderr, one line each, so a verb's report on stdout stays clean; Warning and above unless --verbose.
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        builder.Logging.AddConsole(console =>
            {
                console.LogToStandardErrorThreshold = LogLevel.Trace;
                console.FormatterName = OneLineConsoleFormatter.Name;
            })
            .AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatterOptions>(format => format.IncludeStackTraces = verbose)
            .SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLiverMuscleSync(configuration);
        builder.WebHost.UseUrls(ListenUrl(configuration));
        return builder;
    }

    public static string ListenUrl(IConfiguration configuration) => configuration["Sync:Push:ListenUrl"] ?? DefaultListenUrl;

    /// <summary>The configuration a verb would see, without building a host.</summary>
    public static IConfiguration LoadConfiguration(ParseResult parse)
    {
        var configuration = new ConfigurationManager();
        AddSources(configuration, parse, null);
        return configuration;
    }

    private static void AddSources(IConfigurationBuilder configuration, ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        AddJsonFile(configuration, Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        AddJsonFile(configuration, Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        if (parse.GetValue(GlobalOptions.ConfigFile) is { } file)
        {
            if (!file.Exists)
            {
                throw new UsageException($"--config {file.FullName} does not exist.");
            }

            AddJsonFile(configuration, file.FullName, optional: false);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddInMemoryCollection(ParseOverrides(parse.GetValue(GlobalOptions.Set) ?? []));
        if (parse.GetValue(GlobalOptions.Verbose))
        {
            configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", nameof(LogLevel.Debug))]);
        }

        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }

    private static void AddJsonFile(IConfigurationBuilder configuration, string path, bool optional)
    {
        try
        {
            configuration.AddJsonFile(path, optional);
        }
        catch (InvalidDataException e)
        {
            var cause = e.GetBaseException();
            throw new UsageException($"{path} is not a valid JSON settings file ({cause.Message}); fix or remove it.");
        }
    }

    private static Dictionary<string, string?> ParseOverrides(IEnumerable<string> pairs)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw new UsageException($"--set expects KEY=VALUE (e.g. InfluxDb:Url=http://127.0.0.1:8086), got '{pair}'.");
            }

            var key = pair[..split].Replace("__", ":", StringComparison.Ordinal);
            if (!overrides.TryAdd(key, pair[(split + 1)..]))
            {
                var first = overrides.Keys.First(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
                throw new UsageException($"--set {first} is given twice; give each key once.");
            }
        }

        return overrides;
    }
}
