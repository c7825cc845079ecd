namespace LiverMuscle.Sync.State;

/// <summary>
/// Values to set on a person, as typed on the command line or in a form. Null leaves a value unchanged; an empty
/// text (or an empty recipient list) clears it, so the configured seed or default applies again — for
/// <see cref="TimeZone"/> that means following the provider, for <see cref="DisplayName"/> showing the id.
/// </summary>
public sealed record PersonChanges
{
    public string? DisplayName { get; init; }

    /// <summary>An IANA zone id, e.g. <c>Europe/Berlin</c>; set this way it is the person's own and wins over the provider's.</summary>
    public string? TimeZone { get; init; }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public string? BirthDate { get; init; }

    /// <summary><c>male</c> or <c>female</c>.</summary>
    public string? Sex { get; init; }

    /// <summary>Metres, e.g. <c>1.76</c>.</summary>
    public string? HeightM { get; init; }

    public string? SessionsPerWeek { get; init; }

    public string? ResistanceMinutesPerWeek { get; init; }

    public string? ProteinGPerKgPerDay { get; init; }

    /// <summary>E-mail addresses that receive the notifications about this person.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary><c>withings</c> or <c>fitbit</c>: whose weight counts when both weigh the person.</summary>
    public string? WeightSource { get; init; }
}
