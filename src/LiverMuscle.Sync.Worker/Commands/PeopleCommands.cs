using System.CommandLine;
using System.Globalization;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts.Reminders;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.People;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>people add|list|show|set|remove|export</c>: the people in the state store.</summary>
internal static class PeopleCommands
{
    public static Command Create()
    {
        var command = new Command("people", "Add, change, show, remove (erase) and export the people whose data is synced.");
        command.Subcommands.Add(Edit("add", "Add a person (time zone UTC until a provider reports theirs, unless --time-zone is given).", add: true));
        command.Subcommands.Add(Edit("set", "Change a person's profile, goals, recipients, time zone, weight source or programme ('' clears a value).", add: false));
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<string> Id() => new("ID") { Description = "The person's id (a slug, e.g. alice)." };

    /// <summary>The ID argument; a usage error when it is not a slug (it names files and InfluxQL literals).</summary>
    private static string ReadId(ParseResult parse, Argument<string> id) =>
        PersonId.Problem(parse.GetValue(id), "ID") is { } problem ? throw new UsageException(problem) : parse.GetValue(id)!;

    private static Command Edit(string name, string description, bool add)
    {
        var id = Id();
        var values = new PersonValueOptions();
        var programmeValues = new ProgrammeOptions();
        var command = new Command(name, description) { id };
        values.AddTo(command);
        programmeValues.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var registry = app.Services.GetRequiredService<PersonRegistry>();
            var programmes = app.Services.GetRequiredService<ProgrammeRegistry>();
            var personId = parse.GetValue(id)!;
            var programme = programmeValues.Read(parse);
            // The programme is checked first, so a refused value changes nothing of the person either.
            var refused = await programmes.CheckAsync(personId, programme, cancellationToken);
            var edit = refused.Count > 0 ? new PersonEdit(null, refused)
                : add ? await registry.AddAsync(personId, values.Read(parse), cancellationToken) : await registry.SetAsync(personId, values.Read(parse), cancellationToken);
            if (edit.Succeeded && !programme.IsEmpty)
            {
                var saved = await programmes.SetAsync(personId, programme, cancellationToken);
                edit = saved.Succeeded ? edit : new PersonEdit(null, saved.Errors);
            }

            if (!edit.Succeeded)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, string.Join(Environment.NewLine, edit.Errors));
            }

            Console.Out.WriteLine(add ? $"Added {personId}." : $"Changed {personId}.");
            Console.Out.Write(await DescribeAsync(app, edit.Person!, cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "One line per person: id, name, time zone and each provider's connection.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var people = await app.Services.GetRequiredService<IPersonStore>().ListAsync(cancellationToken);
            var connections = await app.Services.GetRequiredService<ITokenStore>().ListAsync(cancellationToken);
            if (people.Count == 0)
            {
                Console.Out.WriteLine("No people yet. Add one with: livermuscle-sync people add ID");
            }

            foreach (var person in people)
            {
                var linked = connections.Where(c => c.UserId == person.Id).Select(c => $"{c.Provider} {PersonDescription.Connection(c)}").ToList();
                Console.Out.WriteLine($"{person.Id}\t{person.DisplayName}\t{person.TimeZone}\t{(linked.Count == 0 ? "no provider connected" : string.Join("; ", linked))}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = Id();
        var command = new Command("show", "Everything about one person: profile, goals (their own or configured), recipients, connections, programme and reminders.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var personId = ReadId(parse, id);
            await using var app = WorkerHost.Build(parse);
            if (await app.Services.GetRequiredService<IPersonStore>().GetAsync(personId, cancellationToken) is not { } person)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, PersonRegistry.Unknown(personId));
            }

            Console.Out.Write(await DescribeAsync(app, person, cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = Id();
        var command = new Command("remove", "Erase a person: revoke at the providers, delete every state row and every InfluxDB series of theirs.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var personId = ReadId(parse, id);
            await using var app = WorkerHost.Build(parse);
            var erasure = await app.Services.GetRequiredService<PersonEraser>().EraseAsync(personId, cancellationToken);
            return await PrintAsync(erasure);
        });
        return command;
    }

    private static Command Export()
    {
        var id = Id();
        var output = new Option<FileInfo?>("--out") { Description = "The zip file to write (default ./ID-export-yyyyMMdd-HHmmss.zip); readable by its owner only." };
        var command = new Command("export", "Write everything stored about a person as a zip of CSV files with a manifest.json.") { id, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var personId = ReadId(parse, id);
            await using var app = WorkerHost.Build(parse);
            var time = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var path = parse.GetValue(output)?.FullName
                ?? Path.GetFullPath(string.Create(CultureInfo.InvariantCulture, $"{personId}-export-{time.UtcDateTime:yyyyMMdd-HHmmss}.zip"));
            var exporter = app.Services.GetRequiredService<PersonExporter>();
            return await ExportFile.WriteAsync(path, stream => exporter.ExportAsync(personId, stream, cancellationToken), personId, cancellationToken);
        });
        return command;
    }

    private static async Task<string> DescribeAsync(WebApplication app, Person person, CancellationToken cancellationToken)
    {
        var profile = await app.Services.GetRequiredService<MarkerProfiles>().GetAsync(person.Id, cancellationToken);
        var goals = await app.Services.GetRequiredService<AdherenceGoalResolver>().GoalsOfAsync(person.Id, cancellationToken);
        var connections = (await app.Services.GetRequiredService<ITokenStore>().ListAsync(cancellationToken)).Where(c => c.UserId == person.Id);
        var programme = await app.Services.GetRequiredService<ProgrammeRegistry>().GetAsync(person.Id, cancellationToken) ?? Programme.None(person.Id);
        var zone = await app.Services.GetRequiredService<IUserStore>().GetTimeZoneAsync(person.Id, cancellationToken);
        var notifiers = app.Services.GetRequiredService<IOptions<RemindersOptions>>().Value.Notifiers;
        return PersonDescription.Describe(person, profile, goals, connections) + ProgrammeDescription.Describe(programme, zone, notifiers);
    }

    private static async Task<int> PrintAsync(PersonErasure erasure)
    {
        var series = erasure.Series.Values.Sum();
        if (!erasure.Known && erasure.State.Total == 0 && series == 0 && erasure.Complete)
        {
            return await VerbOutput.FailAsync(ExitCodes.Usage, $"No person '{erasure.PersonId}' in the state store, and no series of theirs in InfluxDB: nothing to remove.");
        }

        Console.Out.WriteLine(erasure.Known ? $"Removed {erasure.PersonId}:" : $"No person '{erasure.PersonId}' in the state store; erased what was left of them:");
        foreach (var revocation in erasure.Revocations)
        {
            Console.Out.WriteLine($"  {revocation.Provider}: {(revocation.Succeeded ? string.Empty : "NOT REVOKED: ")}{revocation.Detail}");
        }

        Console.Out.WriteLine("  state store: " + string.Join(", ", erasure.State.Rows.Where(r => r.Value > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value} {r.Key}"))) + (erasure.State.Total == 0 ? "no rows" : " deleted"));
        if (erasure.InfluxError is null)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  InfluxDB: {series} series dropped")
                + (series == 0 ? string.Empty : " (" + string.Join(", ", erasure.Series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}"))) + ")"));
        }

        foreach (var revocation in erasure.Revocations.Where(r => !r.Succeeded))
        {
            await Console.Error.WriteLineAsync($"{revocation.Provider} could not revoke: {revocation.Detail}");
        }

        if (erasure.SeededBy.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{erasure.PersonId} is still named in the configuration ({string.Join(", ", erasure.SeededBy)}): remove those keys, or the person is added again at the next start.");
        }

        return erasure.InfluxError is null ? ExitCodes.Ok : await VerbOutput.FailAsync(ExitCodes.Unavailable, erasure.InfluxError);
    }
}
