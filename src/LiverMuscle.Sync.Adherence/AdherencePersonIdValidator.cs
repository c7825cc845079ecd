using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>Every id under <c>Adherence:Users</c> must be a person id slug.</summary>
internal sealed class AdherencePersonIdValidator : IValidateOptions<AdherenceOptions>
{
    public ValidateOptionsResult Validate(string? name, AdherenceOptions options)
    {
        var failures = options.Users.Keys.Select(id => PersonId.Problem(id, $"Adherence:Users:{id}")).OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
