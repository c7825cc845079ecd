using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

/// <summary>Every id under <c>Markers:Users</c> must be a person id slug.</summary>
internal sealed class MarkersPersonIdValidator : IValidateOptions<MarkersOptions>
{
    public ValidateOptionsResult Validate(string? name, MarkersOptions options)
    {
        var failures = options.Users.Keys.Select(id => PersonId.Problem(id, $"Markers:Users:{id}")).OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
