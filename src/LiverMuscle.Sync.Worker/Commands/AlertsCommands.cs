using System.CommandLine;
using System.Globalization;
using LiverMuscle.Sync.Alerts;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>alerts list</c>, <c>alerts test --notifier NAME</c>, <c>alerts evaluate [--dry-run]</c>.</summary>
internal static class AlertsCommands
{
    public static Command Create()
    {
        var command = new Command("alerts", "Alert rules: their states, test messages, one evaluation.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Test());
        command.Subcommands.Add(Evaluate());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Show every configured rule and the persisted state of each (rule, user).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var rules = app.Services.GetRequiredService<IOptions<AlertsOptions>>().Value.Rules;
            var states = await app.Services.GetRequiredService<IAlertStateStore>().ListAsync(cancellationToken);
            foreach (var rule in rules)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"rule {rule.Id} ({rule.Kind}, for {rule.For}, repeat {rule.RepeatInterval}, notifiers: {(rule.Notifiers.Count == 0 ? "none" : string.Join(", ", rule.Notifiers))})"));
                foreach (var state in states.Where(s => s.RuleId == rule.Id))
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {state.UserId}: {state.Status.ToString().ToLowerInvariant()} since {state.Since:yyyy-MM-dd HH:mm:ss}Z, value {state.LastValue?.ToString(CultureInfo.InvariantCulture) ?? "-"}, last notified {(state.LastNotifiedAt is { } n ? n.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never")}"));
                }
            }

            if (rules.Count == 0)
            {
                Console.Out.WriteLine("no alert rules configured (Alerts:Rules)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Test()
    {
        var notifier = new Option<string>("--notifier") { Description = "A name under Alerts:Webhooks or Alerts:Email.", Required = true };
        var command = new Command("test", "Send a test message through one notifier.") { notifier };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var registry = app.Services.GetRequiredService<NotifierRegistry>();
            var name = parse.GetValue(notifier)!;
            var target = registry.Find(name) ?? throw new UsageException(
                $"No notifier '{name}' (configured: {(registry.Names.Count == 0 ? "none" : string.Join(", ", registry.Names))}).");
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var message = MessageComposer.Build(MessageComposer.Key("test", name, now), NotificationKind.Test, "test", "test", "test", null, null,
                "Test message from LiverMuscle.Sync", [$"This is a test of the notifier '{name}'. Alerts will arrive like this."], now);
            try
            {
                await target.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return await VerbOutput.FailAsync(ExitCodes.Failed, $"notifier {name} failed: {e.Message}");
            }

            Console.Out.WriteLine($"test message sent through {name}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would change and be sent; save, write and send nothing." };
        var command = new Command("evaluate", "Evaluate every rule now.") { dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var outcomes = await app.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(parse.GetValue(dryRun), cancellationToken);
            foreach (var o in outcomes)
            {
                var change = o.Before == o.After ? o.After.ToString().ToLowerInvariant() : $"{o.Before.ToString().ToLowerInvariant()} -> {o.After.ToString().ToLowerInvariant()}";
                var send = o.Notification is { } kind ? $", {(parse.GetValue(dryRun) ? "would send" : o.Delivered ? "sent" : "NOT delivered")} {kind.ToString().ToLowerInvariant()}" : string.Empty;
                var why = o.Error is not null ? "error: " + o.Error : o.Evaluation?.Summary ?? "no data";
                Console.Out.WriteLine($"{o.RuleId} / {o.UserId}: {change}{send}. {why}");
            }

            if (outcomes.Count == 0)
            {
                Console.Out.WriteLine("no alert rules configured (Alerts:Rules)");
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine(Disclaimer.Text);
            var notified = app.Services.GetRequiredService<IOptions<AlertsOptions>>().Value.Rules.Where(r => r.Notifiers.Count > 0).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var failed = outcomes.Count(o => o.Error is not null || (o.Notification is not null && !o.Delivered && !parse.GetValue(dryRun) && notified.Contains(o.RuleId)));
            if (failed == 0)
            {
                return ExitCodes.Ok;
            }

            return await VerbOutput.FailAsync(ExitCodes.Failed, string.Create(CultureInfo.InvariantCulture,
                $"{failed} of {outcomes.Count} evaluations could not be made or their notification not delivered (see above); fix the cause and run 'alerts evaluate' again."));
        });
        return command;
    }
}
