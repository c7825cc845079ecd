using System.CommandLine;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>The <c>--user</c> and <c>--time-zone</c> options of the verbs that act for a person; ids are checked where they enter.</summary>
internal static class PersonOptions
{
    public static Option<string> User(string description) => new("--user") { Description = description + " (a slug, e.g. alice).", Required = true };

    public static Option<string?> TimeZone() => new("--time-zone")
    {
        Description = "The person's IANA time zone, e.g. Europe/Berlin; without it a new person has UTC until a provider reports their zone.",
    };

    /// <summary>The value of a person id option; a usage error (exit code 2) when it is not a slug.</summary>
    public static string Read(ParseResult parse, Option<string> option)
    {
        var id = parse.GetValue(option)!;
        return PersonId.Problem(id, option.Name) is { } problem ? throw new UsageException(problem) : id;
    }

    /// <summary>A usage error (exit code 2) naming <c>people add</c> when the state store has no such person.</summary>
    public static async Task RequireKnownAsync(IServiceProvider services, string personId, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<IPersonStore>().GetAsync(personId, cancellationToken) is null)
        {
            throw new UsageException(new PersonNotFoundException(personId).Message);
        }
    }
}
