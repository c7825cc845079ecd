namespace LiverMuscle.Sync.Web.Forms;

/// <summary>A day's protein as the form posts it: the day and the grams.</summary>
internal sealed class ProteinForm
{
    public string? Date { get; set; }

    public string? Grams { get; set; }
}
