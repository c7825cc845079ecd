namespace LiverMuscle.Sync.Web.Forms;

internal sealed class AddPersonForm
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? TimeZone { get; set; }
}
