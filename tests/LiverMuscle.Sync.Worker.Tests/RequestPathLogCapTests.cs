using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

[Trait("Category", "Unit")]
public sealed class RequestPathLogCapTests
{
    [Fact]
    public void AspNetCoreCategories_StayAtWarning_WhateverTheRulesForEveryOrOneProviderAsk_TheWorkersOwnFollowTheRules()
    {
        using var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddFilter(null, LogLevel.Trace)
                .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Debug)
                .AddFilter<FakeLoggerProvider>(null, LogLevel.Trace)
                .AddFilter<FakeLoggerProvider>("Microsoft.AspNetCore.Routing", LogLevel.Trace)
                .AddFakeLogging())
            .AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, RequestPathLogCap>()
            .BuildServiceProvider();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        foreach (var category in new[] { "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.Matching.DfaMatcher", "Microsoft.AspNetCore.Mvc.Infrastructure" })
        {
            var logger = loggers.CreateLogger(category);
            Assert.False(logger.IsEnabled(LogLevel.Information), category);
            Assert.True(logger.IsEnabled(LogLevel.Warning), category);
        }

        Assert.True(loggers.CreateLogger("LiverMuscle.Sync.Pipeline.SyncRunner").IsEnabled(LogLevel.Trace));
    }
}
