using System.Globalization;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Web.Forms;

/// <summary>
/// A person's programme as its form posts it, in the texts <c>people set --training-days …</c> takes; every field is
/// sent, so an emptied one clears its value (its default applies again, or the reminder is off).
/// </summary>
internal sealed class ProgrammeForm
{
    public string? TrainingDays { get; set; }

    public string? TrainingHour { get; set; }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public string? SelfTestMonthly { get; set; }

    public string? RecheckIntervalDays { get; set; }

    public string? ProteinReminderHour { get; set; }

    public string? ProteinReminderBelow { get; set; }

    /// <summary>The form's control ids by the words each error of <see cref="ProgrammeChangeApplier"/> starts with.</summary>
    private static readonly (string Prefix, string FieldId)[] ErrorFields =
    [
        ("training days", "programme-days"), ("training hour", "programme-hour"), ("self-test monthly", "programme-selftest"),
        ("re-check interval", "programme-recheck"), ("protein reminder hour", "programme-protein-hour"), ("protein reminder below", "programme-protein-below"),
    ];

    public static ProgrammeForm From(Programme programme) => new()
    {
        TrainingDays = string.Join(',', programme.TrainingDays.Select(ProgrammeChangeApplier.Abbreviation)),
        TrainingHour = programme.TrainingTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
        SelfTestMonthly = programme.SelfTestSince is null ? "false" : "true",
        RecheckIntervalDays = programme.RecheckIntervalDays?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ProteinReminderHour = programme.ProteinReminderTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
        ProteinReminderBelow = programme.ProteinReminderBelow?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>The changes for <see cref="ProgrammeRegistry.SetAsync"/>.</summary>
    public ProgrammeChanges ToChanges() => new()
    {
        TrainingDays = TrainingDays ?? string.Empty,
        TrainingHour = TrainingHour ?? string.Empty,
        SelfTestMonthly = SelfTestMonthly ?? string.Empty,
        RecheckIntervalDays = RecheckIntervalDays ?? string.Empty,
        ProteinReminderHour = ProteinReminderHour ?? string.Empty,
        ProteinReminderBelow = ProteinReminderBelow ?? string.Empty,
    };

    public static string FieldOf(string error) =>
        ErrorFields.FirstOrDefault(f => error.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase)).FieldId ?? "programme-days";
}
