using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

/// <summary>Every person id in <c>Alerts:Rules:N:Users</c> and <c>Alerts:Email:NAME:Recipients</c> must be a slug.</summary>
internal sealed class AlertsPersonIdValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var ids = options.Rules.SelectMany((rule, i) => rule.Users.Select((id, j) => (id, $"Alerts:Rules:{i}:Users:{j}")))
            .Concat(options.Email.SelectMany(e => e.Value.Recipients.Keys.Select(id => (id, $"Alerts:Email:{e.Key}:Recipients:{id}"))));
        var failures = ids.Select(x => PersonId.Problem(x.id, x.Item2)).OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
