using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Markers;

/// <summary>What is known of one user under <c>Markers:Users:ID</c>.</summary>
public sealed class MarkerUserProfile
{
    /// <summary>Needed for FIB-4; without it no FIB-4 is computed.</summary>
    [DateRange("1900-01-01")]
    public DateOnly? BirthDate { get; set; }

    /// <summary>Height in metres (0.5–2.5); needed for the appendicular muscle mass index.</summary>
    [NumberRange(0.5, 2.5)]
    public double? HeightM { get; set; }

    /// <summary><c>male</c> or <c>female</c>; optional.</summary>
    [SettingPattern("^(male|female)$", "must be 'male' or 'female'")]
    public string? Sex { get; set; }

    /// <summary>Whole years of age on <paramref name="date"/>.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (BirthDate is not { } birth)
        {
            return null;
        }

        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }
}
