using System.CommandLine;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>The options of <c>people add</c> and <c>people set</c>; an empty value (<c>--birth-date ''</c>) clears one.</summary>
internal sealed class PersonValueOptions
{
    private readonly Option<string?> _name = new("--name") { Description = "The name shown for the person (default: the id)." };
    private readonly Option<string?> _timeZone = new("--time-zone") { Description = "IANA time zone, e.g. Europe/Berlin: the person's own, wins over the provider's ('' follows the provider again)." };
    private readonly Option<string?> _birthDate = new("--birth-date") { Description = "yyyy-MM-dd; needed for FIB-4." };
    private readonly Option<string?> _sex = new("--sex") { Description = "male or female; picks sex-specific alert thresholds." };
    private readonly Option<string?> _height = new("--height-m") { Description = "Height in metres, e.g. 1.76; needed for the muscle mass index." };
    private readonly Option<string?> _sessions = new("--sessions-per-week") { Description = "Goal: resistance sessions per week." };
    private readonly Option<string?> _minutes = new("--resistance-minutes-per-week") { Description = "Goal: resistance minutes per week." };
    private readonly Option<string?> _protein = new("--protein-g-per-kg") { Description = "Goal: protein in g per kg body weight per day." };
    private readonly Option<string[]> _recipients = new("--recipient") { Description = "E-mail address for notifications about the person (repeatable; replaces the list; '' clears it)." };
    private readonly Option<string?> _weightSource = new("--weight-source") { Description = "withings or fitbit: whose weight counts for protein per kg when both weigh the person ('' = the latest of any)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _name, _timeZone, _birthDate, _sex, _height, _sessions, _minutes, _protein, _recipients, _weightSource })
        {
            command.Options.Add(option);
        }
    }

    public PersonChanges Read(ParseResult parse) => new()
    {
        DisplayName = parse.GetValue(_name),
        TimeZone = parse.GetValue(_timeZone),
        BirthDate = parse.GetValue(_birthDate),
        Sex = parse.GetValue(_sex),
        HeightM = parse.GetValue(_height),
        SessionsPerWeek = parse.GetValue(_sessions),
        ResistanceMinutesPerWeek = parse.GetValue(_minutes),
        ProteinGPerKgPerDay = parse.GetValue(_protein),
        Recipients = parse.GetResult(_recipients) is null ? null : parse.GetValue(_recipients),
        WeightSource = parse.GetValue(_weightSource),
    };
}
