using System.CommandLine;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>The programme options of <c>people add</c> and <c>people set</c>; an empty value (<c>--training-days ''</c>) clears one.</summary>
internal sealed class ProgrammeOptions
{
    private readonly Option<string?> _trainingDays = new("--training-days") { Description = "Planned training days, e.g. mon,wed,fri: a reminder when no strength session is recorded by the reminder hour." };
    private readonly Option<string?> _trainingHour = new("--training-hour") { Description = "Local hour of the training-day, self-test and re-check reminders, 0-23 or hh:mm (default 18)." };
    private readonly Option<string?> _selfTest = new("--self-test-monthly") { Description = "true: a monthly reminder of the strength self-test (grip, 5x chair stand, stairs)." };
    private readonly Option<string?> _recheck = new("--recheck-interval") { Description = "Days after the latest blood work or liver scan when a re-check is reminded (default 90; 0 or off: none)." };
    private readonly Option<string?> _proteinHour = new("--protein-reminder-hour") { Description = "Local hour, 0-23 or hh:mm, of a reminder when today's protein is far below the goal ('' : none)." };
    private readonly Option<string?> _proteinBelow = new("--protein-reminder-below") { Description = "The protein reminder comes below this fraction of the day's goal (default 0.5)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _trainingDays, _trainingHour, _selfTest, _recheck, _proteinHour, _proteinBelow })
        {
            command.Options.Add(option);
        }
    }

    public ProgrammeChanges Read(ParseResult parse) => new()
    {
        TrainingDays = parse.GetValue(_trainingDays),
        TrainingHour = parse.GetValue(_trainingHour),
        SelfTestMonthly = parse.GetValue(_selfTest),
        RecheckIntervalDays = parse.GetValue(_recheck),
        ProteinReminderHour = parse.GetValue(_proteinHour),
        ProteinReminderBelow = parse.GetValue(_proteinBelow),
    };
}
