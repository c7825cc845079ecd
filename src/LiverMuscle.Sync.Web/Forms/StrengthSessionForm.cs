namespace LiverMuscle.Sync.Web.Forms;

/// <summary>A strength session as the form posts it: the day, its kind (one of the session kinds) and its minutes.</summary>
internal sealed class StrengthSessionForm
{
    public string? Date { get; set; }

    public string? Kind { get; set; }

    public string? Minutes { get; set; }
}
