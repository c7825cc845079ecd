namespace LiverMuscle.Sync.Markers;

/// <summary>Section <c>Markers</c>: derived markers and what is known of each user.</summary>
public sealed class MarkersOptions
{
    /// <summary>AST, ALT and platelets count together for FIB-4 when all three fall within this span. Default 30 days.</summary>
    public TimeSpan Fib4Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Per user id: birth date (for FIB-4) and sex (for sex-specific thresholds).</summary>
    public Dictionary<string, MarkerUserProfile> Users { get; set; } = new(StringComparer.Ordinal);
}

public sealed class MarkerUserProfile
{
    /// <summary>Needed for FIB-4; without it no FIB-4 is computed.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Height in metres; needed for the appendicular muscle mass index.</summary>
    public double? HeightM { get; set; }

    /// <summary><c>male</c> or <c>female</c>; optional.</summary>
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
