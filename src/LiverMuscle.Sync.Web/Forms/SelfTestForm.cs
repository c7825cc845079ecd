namespace LiverMuscle.Sync.Web.Forms;

/// <summary>A strength self-test: grip strength (kg), five chair stands (s), stairs climbed (flights) — any of them — on one day.</summary>
internal sealed class SelfTestForm
{
    public string? GripKg { get; set; }

    public string? ChairStandSeconds { get; set; }

    public string? StairsFlights { get; set; }

    public string? Date { get; set; }
}
