using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Web.Forms;

/// <summary>Every value of a person as the profile form posts it; an empty field clears the value, as <c>people set ID --x ''</c> does.</summary>
internal sealed class ProfileForm
{
    public string? DisplayName { get; set; }

    public string? TimeZone { get; set; }

    public string? BirthDate { get; set; }

    public string? Sex { get; set; }

    public string? HeightM { get; set; }

    public string? SessionsPerWeek { get; set; }

    public string? ResistanceMinutesPerWeek { get; set; }

    public string? ProteinGPerKgPerDay { get; set; }

    /// <summary>One address per line (or separated by commas).</summary>
    public string? Recipients { get; set; }

    public string? WeightSource { get; set; }

    /// <summary>The form's control ids, in the order <see cref="PersonChangeApplier"/> reports errors, by the words each error starts with.</summary>
    public static IReadOnlyList<(string Prefix, string FieldId)> ErrorFields { get; } =
    [
        ("display name", "profile-name"), ("time zone", "profile-zone"), ("birth date", "profile-birth"), ("sex", "profile-sex"),
        ("height", "profile-height"), ("sessions per week", "profile-sessions"), ("resistance minutes", "profile-minutes"),
        ("protein", "profile-protein"), ("recipient", "profile-recipients"), ("weight source", "profile-weight-source"),
    ];

    public static ProfileForm From(Person person) => new()
    {
        DisplayName = person.DisplayName,
        TimeZone = person.TimeZoneOrigin == TimeZoneOrigin.Person ? person.TimeZone : string.Empty,
        BirthDate = person.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Sex = person.Sex,
        HeightM = Number(person.HeightM),
        SessionsPerWeek = Number(person.Goals.SessionsPerWeek),
        ResistanceMinutesPerWeek = Number(person.Goals.ResistanceMinutesPerWeek),
        ProteinGPerKgPerDay = Number(person.Goals.ProteinGPerKgPerDay),
        Recipients = string.Join('\n', person.Recipients),
        WeightSource = person.WeightSource,
    };

    /// <summary>The changes for <see cref="PersonRegistry.SetAsync"/>: every field is sent, so an emptied one clears its value.</summary>
    public PersonChanges ToChanges() => new()
    {
        DisplayName = DisplayName ?? string.Empty,
        TimeZone = TimeZone ?? string.Empty,
        BirthDate = BirthDate ?? string.Empty,
        Sex = Sex ?? string.Empty,
        HeightM = HeightM ?? string.Empty,
        SessionsPerWeek = SessionsPerWeek ?? string.Empty,
        ResistanceMinutesPerWeek = ResistanceMinutesPerWeek ?? string.Empty,
        ProteinGPerKgPerDay = ProteinGPerKgPerDay ?? string.Empty,
        Recipients = (Recipients ?? string.Empty).Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        WeightSource = WeightSource ?? string.Empty,
    };

    public static string FieldOf(string error) =>
        ErrorFields.FirstOrDefault(f => error.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase)).FieldId ?? "profile-name";

    private static string? Number(double? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
